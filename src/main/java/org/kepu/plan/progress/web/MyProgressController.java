package org.kepu.plan.progress.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.ActivityService;
import org.kepu.activity.ActivitySummary;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.ProgressService;
import org.kepu.plan.Quarter;
import org.kepu.plan.ReportState;
import org.kepu.plan.ResponsibilityList;
import org.kepu.plan.TaskProgress;
import org.kepu.plan.progress.AnnualReports;
import org.kepu.plan.progress.EvidenceLinks;
import org.kepu.plan.progress.ProgressProperties;
import org.kepu.plan.progress.ProgressReport;
import org.kepu.plan.progress.ProgressStatus;
import org.kepu.plan.progress.ReportAccess;
import org.kepu.plan.progress.ReportCommands;
import org.kepu.plan.progress.ReportReads;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A unit's "my reports" page (what is due, overdue, drafts, returned) and the quarterly report form. */
@Controller
class MyProgressController {

    static final String MY = "plan/progress/my";
    static final String FORM = "plan/progress/form";

    private final PlanService plans;
    private final ProgressService progress;
    private final ReportReads reads;
    private final ReportCommands commands;
    private final AnnualReports annual;
    private final EvidenceLinks evidence;
    private final ActivityService activities;
    private final ProgressProperties props;
    private final MessageSource messages;

    MyProgressController(PlanService plans, ProgressService progress, ReportReads reads, ReportCommands commands,
            AnnualReports annual, EvidenceLinks evidence, ActivityService activities, ProgressProperties props,
            MessageSource messages) {
        this.plans = plans;
        this.progress = progress;
        this.reads = reads;
        this.commands = commands;
        this.annual = annual;
        this.evidence = evidence;
        this.activities = activities;
        this.props = props;
        this.messages = messages;
    }

    @GetMapping("/progress")
    String start() {
        CurrentUser user = CurrentUsers.require();
        if (ReportAccess.isUnit(user)) {
            return "redirect:/progress/my";
        }
        if (user.is(Role.OFFICE_ADMIN)) {
            return "redirect:/progress/review";
        }
        return "redirect:/progress/status";
    }

    @GetMapping("/progress/my")
    String my(@RequestParam(required = false) String quarter, Model model) {
        CurrentUser user = CurrentUsers.require();
        Long unitId = user.scope().unitId();
        if (!ReportAccess.isUnit(user) || unitId == null) {
            throw new ForbiddenException("progress.error.unitOnly");
        }
        LocalDate today = progress.today();
        Quarter current = Quarter.of(today);
        Quarter q = Quarter.parse(quarter);
        if (q == null || q.compareTo(current) > 0) {
            q = progress.reportingQuarter();
        }
        ResponsibilityList list = plans.tasksForUnit(user, unitId, false);
        List<ProgressReport> all = reads.list(user, ReportReads.Filter.none());
        Map<String, ProgressReport> thisQuarter = new HashMap<>();
        Map<Long, Quarter> doneIn = new HashMap<>();
        for (ProgressReport r : all) {
            if (r.quarter().equals(q)) {
                thisQuarter.put(r.taskId() + "", r);
            }
            if (r.progress() == TaskProgress.DONE && r.state().reported() && r.quarter().compareTo(q) < 0) {
                doneIn.putIfAbsent(r.taskId(), r.quarter());
            }
        }
        List<MyRow> rows = new ArrayList<>();
        int overdue = 0;
        for (ResponsibilityList.PlanPart part : list.plans()) {
            PlanSummary plan = part.plan();
            if (plan.status() != PlanStatus.IN_FORCE) {
                continue;
            }
            boolean required = ProgressStatus.required(plan, q);
            for (ResponsibilityList.Item item : part.items()) {
                ProgressReport r = thisQuarter.get(item.taskId() + "");
                boolean done = doneIn.containsKey(item.taskId());
                boolean late = !done && (required && (r == null || !r.state().reported())
                        && props.quarterOverdue(q, today)
                        || item.deadline() != null && today.isAfter(item.deadline())
                        && (r == null || r.progress() != TaskProgress.DONE));
                if (late) {
                    overdue++;
                }
                rows.add(new MyRow(plan.id(), plan.title(), item, r, done, required, late, props.quarterDue(q)));
            }
        }
        model.addAttribute("quarter", q);
        model.addAttribute("quarters", Pages.quarters(current, 8));
        model.addAttribute("due", props.quarterDue(q));
        model.addAttribute("rows", rows);
        model.addAttribute("overdue", overdue);
        model.addAttribute("returned", all.stream().filter(r -> r.state() == ReportState.RETURNED).toList());
        model.addAttribute("drafts", all.stream().filter(r -> r.state() == ReportState.DRAFT).toList());
        int year = today.getYear();
        model.addAttribute("annualYear", year);
        model.addAttribute("annualDue", props.annualDue(year));
        model.addAttribute("annual", annual.find(unitId, year).orElse(null));
        model.addAttribute("today", today);
        return MY;
    }

    @GetMapping("/progress/tasks/{taskId:\\d+}/{quarter:\\d{4}Q[1-4]}")
    String form(@PathVariable long taskId, @PathVariable String quarter, Model model) {
        CurrentUser user = CurrentUsers.require();
        Quarter q = Quarter.parse(quarter);
        PlanTask task = task(user, taskId);
        ProgressReport existing = reads.find(taskId, user.scope().unitId(), q).orElse(null);
        if (existing != null && !existing.state().editable()) {
            return "redirect:/progress/reports/" + existing.id();
        }
        return form(model, user, task, q, existing, existing == null ? ReportForm.empty() : ReportForm.of(existing),
                null);
    }

    @PostMapping("/progress/tasks/{taskId:\\d+}/{quarter:\\d{4}Q[1-4]}")
    String save(@PathVariable long taskId, @PathVariable String quarter,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        Quarter q = Quarter.parse(quarter);
        PlanTask task = task(user, taskId);
        ReportForm form = ReportForm.from(params);
        boolean submit = "submit".equals(params.getFirst("action"));
        try {
            long id = commands.save(user, taskId, q, form.toInput(), form.version(), submit);
            redirect.addFlashAttribute("flash", Pages.text(messages, submit ? "progress.submitted" : "progress.saved"));
            return submit ? "redirect:/progress/my?quarter=" + q : "redirect:/progress/tasks/" + taskId + "/" + q;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            ProgressReport existing = reads.find(taskId, user.scope().unitId(), q).orElse(null);
            return form(model, user, task, q, existing, form.withBlankLines(),
                    Pages.text(messages, e.messageKey(), e.args()));
        }
    }

    /** The task when the caller's unit is responsible for it in a plan the caller may see. */
    private PlanTask task(CurrentUser user, long taskId) {
        Long unitId = user.scope().unitId();
        if (!ReportAccess.isUnit(user) || unitId == null) {
            throw new ForbiddenException("progress.error.unitOnly");
        }
        ReportCommands.TaskRef ref = commands.task(taskId, unitId);
        PlanTask task = plans.findTask(user, ref.planId(), taskId)
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!ref.linked()) {
            throw new NotFoundException("error.notFound");
        }
        return task;
    }

    private String form(Model model, CurrentUser user, PlanTask task, Quarter q, ProgressReport existing,
            ReportForm form, String error) {
        PlanSummary plan = plans.get(user, task.planId());
        ActivityFilter filter = new ActivityFilter(q.firstDay(), q.lastDay(), null, null, null, null, null, null, null,
                null, false, null, "startsAt", "desc", 1, 30);
        List<ActivitySummary> recent = new ArrayList<>(activities.search(filter).rows());
        List<EvidenceLinks.LinkedActivity> linked = evidence.titles(form.activityIds());
        model.addAttribute("plan", plan);
        model.addAttribute("task", task);
        model.addAttribute("quarter", q);
        model.addAttribute("due", props.quarterDue(q));
        model.addAttribute("report", existing);
        model.addAttribute("form", form);
        model.addAttribute("recent", recent.stream().filter(a -> !form.activityIds().contains(a.id())).toList());
        model.addAttribute("linked", linked);
        model.addAttribute("error", error);
        model.addAttribute("today", progress.today());
        return FORM;
    }
}
