package org.kepu.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.internal.PlanAccess;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating and editing a plan's particulars, changing its status, deleting a draft (office admin in scope). */
@Controller
class PlanEditController {

    static final String FORM = "plan/form";

    private final PlanService plans;
    private final PlanCommands commands;
    private final PlanOptions options;
    private final MessageSource messages;

    PlanEditController(PlanService plans, PlanCommands commands, PlanOptions options, MessageSource messages) {
        this.plans = plans;
        this.commands = commands;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping("/plans/new")
    String newForm(Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!PlanAccess.canCreate(user)) {
            throw new ForbiddenException("error.forbidden");
        }
        var divisions = options.divisions(user);
        return form(model, user, null, PlanForm.empty(divisions.isEmpty() ? "" : divisions.get(0).value()), null);
    }

    @PostMapping("/plans")
    String create(PlanForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            long id = commands.create(user, form.toData());
            redirect.addFlashAttribute("flash", text("plan.created", form.title().strip()));
            return "redirect:/plans/" + id;
        } catch (BadRequestException e) {
            response.setStatus(400);
            return form(model, user, null, form, text(e));
        }
    }

    @GetMapping("/plans/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanSummary plan = plans.get(user, id);
        if (!PlanAccess.canWrite(user, plan.divisionPath())) {
            throw new ForbiddenException("error.forbidden");
        }
        return form(model, user, plan, PlanForm.of(plan), null);
    }

    @PostMapping("/plans/{id:\\d+}/edit")
    String update(@PathVariable long id, PlanForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            commands.update(user, id, form.toData(), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("flash", text("plan.saved", form.title().strip()));
            return "redirect:/plans/" + id;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return form(model, user, plans.get(user, id), form, text(e));
        }
    }

    @PostMapping("/plans/{id:\\d+}/status")
    String status(@PathVariable long id, @RequestParam String status, @RequestParam int version,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        PlanStatus s = PlanStatus.parse(status);
        commands.changeStatus(user, id, s, version);
        redirect.addFlashAttribute("flash", text("plan.statusChanged", text("plan.status." + s.name())));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id:\\d+}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        PlanSummary plan = commands.delete(user, id, version);
        redirect.addFlashAttribute("flash", text("plan.deleted", plan.title()));
        return "redirect:/plans";
    }

    private String form(Model model, CurrentUser user, PlanSummary plan, PlanForm form, String error) {
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("divisions", options.divisions(user));
        model.addAttribute("error", error);
        return FORM;
    }

    private String text(KepuException e) {
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
