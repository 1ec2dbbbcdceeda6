package org.kepu.activity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.ActivityService;
import org.kepu.shared.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The activity list: filters in the URL; htmx requests get only the table. */
@Controller
class ActivityListController {

    static final String LIST = "activity/list";
    static final String TABLE = "activity/table";

    private final ActivityService activities;
    private final ActivityOptions options;

    ActivityListController(ActivityService activities, ActivityOptions options) {
        this.activities = activities;
        this.options = options;
    }

    @GetMapping("/activities")
    String list(HttpServletRequest request, Model model) {
        ActivityFilter filter = ActivityFilter.fromParams(request.getParameterMap());
        model.addAttribute("filter", filter);
        model.addAttribute("page", activities.search(filter));
        model.addAttribute("choices", options.forUser(CurrentUsers.require()));
        boolean fragment = request.getHeader("HX-Request") != null
                && request.getHeader("HX-History-Restore-Request") == null;
        return fragment ? TABLE : LIST;
    }
}
