package org.kepu.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page shown (status 403) when Spring Security denies a page request, e.g. a missing CSRF token. */
@Controller
class AccessDeniedController {

    private final MessageSource messages;

    AccessDeniedController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/access-denied")
    String denied(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("status", 403);
        model.addAttribute("message", messages.getMessage("error.forbidden", null,
                org.kepu.shared.web.PageContext.LOCALE));
        return "error/problem";
    }
}
