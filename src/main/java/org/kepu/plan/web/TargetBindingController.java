package org.kepu.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.Target;
import org.kepu.indicator.TargetService;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.TaskTarget;
import org.kepu.plan.internal.TargetBindings;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Binding a target proposal of a task to an indicator, and unbinding it (office admin of the plan). */
@Controller
class TargetBindingController {

    static final String FORM = "plan/bind-target";

    private final PlanService plans;
    private final TargetBindings bindings;
    private final IndicatorService indicators;
    private final TargetService targets;
    private final MessageSource messages;

    TargetBindingController(PlanService plans, TargetBindings bindings, IndicatorService indicators,
            TargetService targets, MessageSource messages) {
        this.plans = plans;
        this.bindings = bindings;
        this.indicators = indicators;
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping("/plans/{planId:\\d+}/tasks/{taskId:\\d+}/targets/{id:\\d+}/bind")
    String form(@PathVariable long planId, @PathVariable long taskId, @PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanSummary plan = plans.get(user, planId);
        TaskTarget proposal = bindings.proposal(user, planId, taskId, id);
        if (proposal.boundTargetId() != null) {
            throw new ConflictException("task.bind.error.alreadyBound");
        }
        BindForm form = new BindForm("", TargetBindings.comparatorOf(proposal).name(),
                proposal.quantity().stripTrailingZeros().toPlainString(),
                TargetBindings.defaultDeadline(proposal, plan, targets.today()).toString());
        return page(model, user, plan, taskId, proposal, form, null);
    }

    @PostMapping("/plans/{planId:\\d+}/tasks/{taskId:\\d+}/targets/{id:\\d+}/bind")
    String bind(@PathVariable long planId, @PathVariable long taskId, @PathVariable long id,
            @RequestParam(required = false) String indicatorId, @RequestParam(required = false) String comparator,
            @RequestParam(required = false) String value, @RequestParam(required = false) String deadline,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        BindForm form = new BindForm(indicatorId, comparator, value, deadline);
        try {
            Target t = bindings.bind(user, planId, taskId, id, form.indicator(), form.comparatorValue(),
                    form.number(), form.date());
            redirect.addFlashAttribute("flash", text("task.bind.done", t.indicatorName()));
            return "redirect:/plans/" + planId + "#task-" + taskId;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            TaskTarget proposal = bindings.proposal(user, planId, taskId, id);
            return page(model, user, plans.get(user, planId), taskId, proposal, form,
                    text(e.messageKey(), e.args()));
        }
    }

    @PostMapping("/plans/{planId:\\d+}/tasks/{taskId:\\d+}/targets/{id:\\d+}/unbind")
    String unbind(@PathVariable long planId, @PathVariable long taskId, @PathVariable long id,
            @RequestParam long targetId, RedirectAttributes redirect) {
        bindings.unbind(CurrentUsers.require(), planId, taskId, id, targetId);
        redirect.addFlashAttribute("flash", text("task.unbind.done"));
        return "redirect:/plans/" + planId + "#task-" + taskId;
    }

    private String page(Model model, CurrentUser user, PlanSummary plan, long taskId, TaskTarget proposal,
            BindForm form, String error) {
        PlanTask task = plans.findTask(user, plan.id(), taskId)
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        model.addAttribute("plan", plan);
        model.addAttribute("task", task);
        model.addAttribute("proposal", proposal);
        model.addAttribute("form", form);
        model.addAttribute("indicators", indicators.list());
        model.addAttribute("error", error);
        return FORM;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
