package org.kepu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.CurrentUsers;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the platform's errors into a Chinese message: a JSON problem body for {@code /api/**}, an error page
 * otherwise. Out-of-scope reads are 404 so that nobody learns which ids exist.
 */
@ControllerAdvice
public class ErrorAdvice {

    private final MessageSource messages;

    public ErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(KepuException.class)
    Object handle(KepuException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(e);
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), PageContext.LOCALE);
        return render(status, message, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object handle(OptimisticLockingFailureException e, HttpServletRequest request) {
        String message = messages.getMessage("error.conflict", null, PageContext.LOCALE);
        return render(HttpStatus.CONFLICT, message, request);
    }

    /**
     * An upload over the servlet's size limits (20 MB a file) fails before any controller runs: 413 with a Chinese
     * message instead of the container's error page. Other advice may handle particular uploads first and call this
     * for the rest.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public Object handle(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String message = messages.getMessage("error.uploadTooLarge", null, PageContext.LOCALE);
        return render(HttpStatus.PAYLOAD_TOO_LARGE, message, request);
    }

    private Object render(HttpStatus status, String message, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("status", status.value(), "title", status.getReasonPhrase(), "detail", message));
        }
        var mav = new ModelAndView("error/problem");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("message", message);
        mav.addObject("ctx", new PageContext(CurrentUsers.find().orElse(null),
                (org.springframework.security.web.csrf.CsrfToken) request.getAttribute(
                        org.springframework.security.web.csrf.CsrfToken.class.getName()),
                request.getRequestURI(),
                null, messages, null));
        return mav;
    }

    static HttpStatus statusOf(KepuException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof BadRequestException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
