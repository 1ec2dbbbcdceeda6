package org.kepu.activity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kepu.shared.ConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.ModelAndView;

/** A stale edit on an activity page: a 409 page that says so and offers to reload the record. */
@ControllerAdvice(basePackageClasses = ActivityConflictAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActivityConflictAdvice {

    private static final Pattern ID = Pattern.compile("^/activities/(\\d+)(/.*)?$");

    private final MessageSource messages;

    ActivityConflictAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        Matcher m = ID.matcher(request.getRequestURI());
        String reload = "/activities";
        if (m.matches()) {
            boolean editing = m.group(2) == null || m.group(2).equals("/edit");
            reload = "/activities/" + m.group(1) + (editing ? "/edit" : "");
        }
        ModelAndView mav = new ModelAndView("activity/conflict");
        mav.setStatus(HttpStatus.CONFLICT);
        mav.addObject("reload", reload);
        mav.addObject("ctx", new PageContext(CurrentUsers.find().orElse(null),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), request.getRequestURI(), null, messages,
                null));
        return mav;
    }
}
