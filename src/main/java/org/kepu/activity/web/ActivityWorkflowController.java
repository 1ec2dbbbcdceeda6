package org.kepu.activity.web;

import org.kepu.activity.ActivityService;
import org.kepu.activity.ActivityValidationException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Submit, verify, return and delete: POST buttons carrying the version the caller saw. */
@Controller
class ActivityWorkflowController {

    private final ActivityService activities;
    private final MessageSource messages;

    ActivityWorkflowController(ActivityService activities, MessageSource messages) {
        this.activities = activities;
        this.messages = messages;
    }

    @PostMapping("/activities/{id}/submit")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        activities.submit(id, version);
        return done(id, "activity.submitted", redirect);
    }

    @PostMapping("/activities/{id}/verify")
    String verify(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        activities.verify(id, version);
        return done(id, "activity.verified", redirect);
    }

    @PostMapping("/activities/{id}/return")
    String returnIt(@PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            activities.returnForCorrection(id, version, reason);
        } catch (ActivityValidationException e) {
            redirect.addFlashAttribute("warnings", java.util.List.of(text("activity.error.reasonRequired")));
            return "redirect:/activities/" + id;
        }
        return done(id, "activity.returned", redirect);
    }

    @PostMapping("/activities/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        activities.deleteDraft(id, version);
        redirect.addFlashAttribute("flash", text("activity.deleted"));
        return "redirect:/activities";
    }

    private String done(long id, String key, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", text(key));
        return "redirect:/activities/" + id;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, PageContext.LOCALE);
    }
}
