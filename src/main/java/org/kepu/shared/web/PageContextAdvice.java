package org.kepu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.kepu.shared.CurrentUsers;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts a {@link PageContext} named {@code ctx} into the model of every HTML controller. */
@ControllerAdvice(annotations = Controller.class)
class PageContextAdvice {

    private final MessageSource messages;

    PageContextAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var flashMap = RequestContextUtils.getInputFlashMap(request);
        String flash = flashMap == null ? null : (String) flashMap.get("flash");
        return new PageContext(CurrentUsers.find().orElse(null), csrf, request.getRequestURI(),
                request.getQueryString(), messages, flash);
    }
}
