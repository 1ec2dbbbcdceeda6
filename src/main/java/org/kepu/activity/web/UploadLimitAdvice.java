package org.kepu.activity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.kepu.shared.web.ErrorAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An evidence upload over the servlet's size limit fails before any controller runs; send the user back to the
 * activity with a Chinese message instead of an error page. Other uploads get the shared 413 page or JSON.
 */
@ControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private static final Pattern UPLOAD = Pattern.compile("^/activities/(\\d+)/evidence$");

    private final MessageSource messages;
    private final ErrorAdvice errors;

    UploadLimitAdvice(MessageSource messages, ErrorAdvice errors) {
        this.messages = messages;
        this.errors = errors;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        Matcher m = UPLOAD.matcher(request.getRequestURI());
        if (!m.matches()) {
            return errors.handle(e, request);
        }
        String message = messages.getMessage("evidence.error.tooLarge", new Object[] {"…"}, PageContext.LOCALE);
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("warnings", List.of(message));
        return "redirect:/activities/" + m.group(1) + "#evidence";
    }
}
