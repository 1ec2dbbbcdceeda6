package org.kepu.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: a short orientation with links into the caller's work. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home/index";
    }
}
