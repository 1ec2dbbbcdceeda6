package org.kepu.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.TaskUnit;
import org.kepu.plan.internal.PlanAccess;
import org.kepu.plan.internal.TaskCommands;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding, editing, moving and deleting the tasks of a plan, with the unit picker (office admin of the plan). */
@Controller
class TaskController {

    static final String FORM = "plan/task-form";

    private final PlanService plans;
    private final TaskCommands commands;
    private final MemberUnitService units;
    private final MessageSource messages;

    TaskController(PlanService plans, TaskCommands commands, MemberUnitService units, MessageSource messages) {
        this.plans = plans;
        this.commands = commands;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/plans/{planId:\\d+}/tasks/new")
    String newForm(@PathVariable long planId, @RequestParam(required = false) Long parent, Model model) {
        PlanSummary plan = editable(planId);
        return form(model, plan, null, TaskForm.empty(parent), null);
    }

    @PostMapping("/plans/{planId:\\d+}/tasks")
    String create(@PathVariable long planId, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        TaskForm form = TaskForm.from(params);
        try {
            long id = commands.create(user, planId, form.toData());
            redirect.addFlashAttribute("flash", text("task.created", form.title().strip()));
            return "redirect:/plans/" + planId + "#task-" + id;
        } catch (BadRequestException e) {
            response.setStatus(400);
            return form(model, editable(planId), null, form, text(e.messageKey(), e.args()));
        }
    }

    @GetMapping("/plans/{planId:\\d+}/tasks/{id:\\d+}/edit")
    String edit(@PathVariable long planId, @PathVariable long id, Model model) {
        PlanSummary plan = editable(planId);
        PlanTask task = task(plan, id);
        return form(model, plan, task, TaskForm.of(task), null);
    }

    @PostMapping("/plans/{planId:\\d+}/tasks/{id:\\d+}/edit")
    String update(@PathVariable long planId, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        TaskForm form = TaskForm.from(params);
        try {
            commands.update(user, planId, id, form.toData(), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("flash", text("task.saved", form.title().strip()));
            return "redirect:/plans/" + planId + "#task-" + id;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            PlanSummary plan = editable(planId);
            return form(model, plan, task(plan, id), form, text(e.messageKey(), e.args()));
        }
    }

    @PostMapping("/plans/{planId:\\d+}/tasks/{id:\\d+}/delete")
    String delete(@PathVariable long planId, @PathVariable long id, @RequestParam int version,
            RedirectAttributes redirect) {
        commands.delete(CurrentUsers.require(), planId, id, version);
        redirect.addFlashAttribute("flash", text("task.deleted"));
        return "redirect:/plans/" + planId;
    }

    @PostMapping("/plans/{planId:\\d+}/tasks/{id:\\d+}/move")
    String move(@PathVariable long planId, @PathVariable long id, @RequestParam String direction) {
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new BadRequestException("task.error.direction");
        }
        commands.move(CurrentUsers.require(), planId, id, "up".equals(direction));
        return "redirect:/plans/" + planId + "#task-" + id;
    }

    private PlanSummary editable(long planId) {
        CurrentUser user = CurrentUsers.require();
        PlanSummary plan = plans.get(user, planId);
        if (!PlanAccess.canWrite(user, plan.divisionPath())) {
            throw new ForbiddenException("error.forbidden");
        }
        if (plan.status() == PlanStatus.CLOSED) {
            throw new BadRequestException("plan.error.closed");
        }
        return plan;
    }

    private PlanTask task(PlanSummary plan, long id) {
        return plans.findTask(CurrentUsers.require(), plan.id(), id)
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private String form(Model model, PlanSummary plan, PlanTask task, TaskForm form, String error) {
        CurrentUser user = CurrentUsers.require();
        List<PlanTask> all = plans.tasks(user, plan.id());
        Set<Long> excluded = new HashSet<>();
        if (task != null) {
            excluded.add(task.id());
            for (PlanTask t : all) {
                if (t.parentId() != null && excluded.contains(t.parentId())) {
                    excluded.add(t.id());
                }
            }
        }
        List<ParentOption> parents = new ArrayList<>();
        for (PlanTask t : all) {
            if (!excluded.contains(t.id())) {
                String title = t.title().length() > 30 ? t.title().substring(0, 30) + "…" : t.title();
                parents.add(new ParentOption(t.id(), (t.numberingPath() + " " + title).strip(), t.depth()));
            }
        }
        List<MemberUnitRef> choices = new ArrayList<>(units.activeUnitsFor(plan.divisionPath()));
        List<TaskUnit> unlinked = new ArrayList<>();
        if (task != null) {
            for (TaskUnit u : task.units()) {
                if (u.unitId() == null) {
                    unlinked.add(u);
                } else if (choices.stream().noneMatch(c -> c.id() == u.unitId())) {
                    units.find(u.unitId()).ifPresent(choices::add);
                }
            }
        }
        model.addAttribute("plan", plan);
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("parents", parents);
        model.addAttribute("units", choices);
        model.addAttribute("unlinked", unlinked);
        model.addAttribute("error", error);
        return FORM;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
