package org.kepu.activity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An evidence upload over the servlet's size limit fails before any controller runs; send the user back to the
 * activity with a Chinese message instead of an error page. Other uploads keep the default handling.
 */
@ControllerAdvice
class UploadLimitAdvice {

    private static final Pattern UPLOAD = Pattern.compile("^/activities/(\\d+)/evidence$");

    private final MessageSource messages;

    UploadLimitAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        Matcher m = UPLOAD.matcher(request.getRequestURI());
        if (!m.matches()) {
            // Not an evidence upload: leave it to the default handling (413) of other modules' uploads.
            throw e;
        }
        String message = messages.getMessage("evidence.error.tooLarge", new Object[] {"…"}, PageContext.LOCALE);
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("warnings", List.of(message));
        return "redirect:/activities/" + m.group(1) + "#evidence";
    }
}
