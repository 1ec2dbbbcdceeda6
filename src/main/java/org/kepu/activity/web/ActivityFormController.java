package org.kepu.activity.web;

import java.util.Map;
import org.kepu.activity.Activity;
import org.kepu.activity.ActivityService;
import org.kepu.activity.ActivityValidationException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording a new activity and editing one. */
@Controller
class ActivityFormController {

    static final String FORM = "activity/form";

    private final ActivityService activities;
    private final ActivityOptions options;
    private final MessageSource messages;

    ActivityFormController(ActivityService activities, ActivityOptions options, MessageSource messages) {
        this.activities = activities;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping("/activities/new")
    String newForm(Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!user.canWrite() || user.scope().none()) {
            throw new ForbiddenException("error.forbidden");
        }
        var choices = options.forUser(user);
        String division = choices.divisions().isEmpty() ? "" : choices.divisions().get(0).value();
        return form(model, ActivityForm.empty(division), Map.of(), null);
    }

    @PostMapping("/activities")
    String create(ActivityForm form, Model model, RedirectAttributes redirect) {
        try {
            Activity created = activities.create(form.toInput());
            redirect.addFlashAttribute("flash", text("activity.created"));
            return "redirect:/activities/" + created.id();
        } catch (ActivityValidationException e) {
            model.addAttribute("status", HttpStatus.BAD_REQUEST);
            return form(model, form, e.fieldErrors(), null);
        }
    }

    @GetMapping("/activities/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Activity a = activities.get(id);
        if (!activities.actions(id).edit()) {
            throw new ForbiddenException("error.forbidden");
        }
        return form(model, ActivityForm.of(a), Map.of(), id);
    }

    @PostMapping("/activities/{id}")
    String update(@PathVariable long id, ActivityForm form, Model model, RedirectAttributes redirect) {
        int version = form.version() == null ? -1 : form.version();
        try {
            activities.update(id, version, form.toInput());
            redirect.addFlashAttribute("flash", text("activity.saved"));
            return "redirect:/activities/" + id;
        } catch (ActivityValidationException e) {
            return form(model, form, e.fieldErrors(), id);
        }
    }

    private String form(Model model, ActivityForm form, Map<String, String> errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", options.forUser(CurrentUsers.require()));
        model.addAttribute("activityId", id);
        return FORM;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, PageContext.LOCALE);
    }
}
