package org.kepu.shared.web;

import org.kepu.shared.CurrentUsers;
import org.kepu.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in: a short orientation with links into the caller's work. Leaders, whose work is
 * reading the figures, land on the leader view (领导驾驶舱) instead.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        if (CurrentUsers.find().map(u -> u.is(Role.LEADER)).orElse(false)) {
            return "redirect:/cockpit";
        }
        return "home/index";
    }
}
