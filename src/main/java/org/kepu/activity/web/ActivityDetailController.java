package org.kepu.activity.web;

import org.kepu.activity.ActivityEvidenceService;
import org.kepu.activity.ActivityService;
import org.kepu.shared.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One activity with its evidence gallery and the workflow buttons the caller may use. */
@Controller
class ActivityDetailController {

    static final String DETAIL = "activity/detail";

    private final ActivityService activities;
    private final ActivityEvidenceService evidence;
    private final ActivityOptions options;

    ActivityDetailController(ActivityService activities, ActivityEvidenceService evidence, ActivityOptions options) {
        this.activities = activities;
        this.evidence = evidence;
        this.options = options;
    }

    @GetMapping("/activities/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("activity", activities.get(id));
        model.addAttribute("actions", activities.actions(id));
        model.addAttribute("evidence", evidence.list(id));
        model.addAttribute("choices", options.forUser(CurrentUsers.require()));
        if (!model.containsAttribute("warnings")) {
            model.addAttribute("warnings", java.util.List.of());
        }
        return DETAIL;
    }
}
