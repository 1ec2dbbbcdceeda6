package org.kepu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page shown (status 403) when Spring Security denies a page request, e.g. a missing CSRF token.
 *
 * <p>A form upload over the file size limit also ends here: the container refuses to read such a body, so the
 * form's CSRF token is never seen. Such a request gets 413 and the message that the file is too large instead of
 * a puzzling "no permission".
 */
@Controller
class AccessDeniedController {

    private final MessageSource messages;
    private final long maxFileBytes;

    AccessDeniedController(MessageSource messages,
            @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFileSize) {
        this.messages = messages;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    @RequestMapping("/access-denied")
    String denied(Model model, HttpServletRequest request, HttpServletResponse response) {
        String type = request.getContentType();
        boolean oversizedUpload = type != null && type.toLowerCase().startsWith("multipart/")
                && request.getContentLengthLong() > maxFileBytes;
        int status = oversizedUpload ? 413 : HttpServletResponse.SC_FORBIDDEN;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", messages.getMessage(oversizedUpload ? "error.uploadTooLarge" : "error.forbidden",
                null, org.kepu.shared.web.PageContext.LOCALE));
        return "error/problem";
    }
}
