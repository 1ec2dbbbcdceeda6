package org.kepu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import org.kepu.identity.internal.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; after a lockout it says until when the name is locked. */
@Controller
class LoginController {

    private final Clock clock;

    LoginController(Clock clock) {
        this.clock = clock;
    }

    /** Same attribute name as the sign-in failure handler writes. */
    static final String LOCKED_UNTIL = "org.kepu.identity.LoginFlow.lockedUntil";

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object until = session == null ? null : session.getAttribute(LOCKED_UNTIL);
        String lockedUntil = null;
        if (until instanceof Instant instant && instant.isAfter(clock.instant())) {
            lockedUntil = Zones.MINUTES.format(instant);
        }
        model.addAttribute("lockedUntil", lockedUntil);
        return "identity/login";
    }
}
