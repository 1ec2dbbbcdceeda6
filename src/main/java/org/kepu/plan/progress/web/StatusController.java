package org.kepu.plan.progress.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.ProgressMatrix;
import org.kepu.plan.ProgressService;
import org.kepu.plan.Quarter;
import org.kepu.plan.UnitReporting;
import org.kepu.plan.progress.ProgressProperties;
import org.kepu.plan.progress.ProgressReport;
import org.kepu.plan.progress.ReportReads;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reporting status of a plan for a quarter (which units have and have not reported, exportable as CSV), the
 * units × tasks matrix, and a task's reports.
 */
@Controller
class StatusController {

    static final String STATUS = "plan/progress/status";
    static final String MATRIX = "plan/progress/matrix";
    static final String TASK = "plan/progress/task";

    private final PlanService plans;
    private final ProgressService progress;
    private final ReportReads reads;
    private final ProgressProperties props;
    private final MessageSource messages;

    StatusController(PlanService plans, ProgressService progress, ReportReads reads, ProgressProperties props,
            MessageSource messages) {
        this.plans = plans;
        this.progress = progress;
        this.reads = reads;
        this.props = props;
        this.messages = messages;
    }

    @GetMapping("/progress/status")
    String status(@RequestParam(required = false) Long plan, @RequestParam(required = false) String quarter,
            Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!common(user, plan, quarter, model)) {
            return STATUS;
        }
        PlanSummary p = (PlanSummary) model.getAttribute("plan");
        Quarter q = (Quarter) model.getAttribute("quarter");
        List<UnitReporting> rows = progress.reporting(user, p.id(), q);
        model.addAttribute("rows", rows);
        return STATUS;
    }

    @GetMapping(value = "/progress/status.csv")
    void csv(@RequestParam long plan, @RequestParam(required = false) String quarter, HttpServletResponse response)
            throws IOException {
        CurrentUser user = CurrentUsers.require();
        PlanSummary p = plans.get(user, plan);
        Quarter q = quarter(quarter);
        List<UnitReporting> rows = progress.reporting(user, p.id(), q);
        String name = URLEncoder.encode("报送情况-" + q + ".csv", StandardCharsets.UTF_8).replace("+", "%20");
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + name);
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(Pages.text(messages, "progress.csv.header") + "\r\n");
        for (UnitReporting r : rows) {
            w.write(String.join(",", cell(r.unitName()), String.valueOf(r.tasks()), String.valueOf(r.accepted()),
                    String.valueOf(r.submitted()), String.valueOf(r.returned()), String.valueOf(r.drafts()),
                    String.valueOf(r.missing()),
                    Pages.text(messages, r.overdue() ? "progress.overdue" : r.complete() ? "progress.complete"
                            : "progress.incomplete"))
                    + "\r\n");
        }
        w.flush();
    }

    /** A CSV cell: quoted, and neutralised when it could start a formula. */
    static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    @GetMapping("/progress/matrix")
    String matrix(@RequestParam(required = false) Long plan, @RequestParam(required = false) String quarter,
            Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!common(user, plan, quarter, model)) {
            return MATRIX;
        }
        PlanSummary p = (PlanSummary) model.getAttribute("plan");
        Quarter q = (Quarter) model.getAttribute("quarter");
        ProgressMatrix m = progress.matrix(user, p.id(), q);
        model.addAttribute("matrix", m);
        return MATRIX;
    }

    @GetMapping("/plans/{planId:\\d+}/tasks/{taskId:\\d+}/progress")
    String task(@PathVariable long planId, @PathVariable long taskId, Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanSummary plan = plans.get(user, planId);
        PlanTask task = plans.findTask(user, planId, taskId).orElseThrow(() -> new NotFoundException("error.notFound"));
        List<ProgressReport> reports = reads.list(user, new ReportReads.Filter(planId, taskId, null, null, null));
        model.addAttribute("plan", plan);
        model.addAttribute("task", task);
        model.addAttribute("reports", reports);
        model.addAttribute("today", progress.today());
        model.addAttribute("reporting", progress.reportingQuarter());
        model.addAttribute("unitId", user.scope().unitId());
        return TASK;
    }

    /** Fills the plan choice, the chosen plan and quarter; false when the caller sees no plan in force. */
    private boolean common(CurrentUser user, Long planId, String quarter, Model model) {
        List<PlanSummary> inForce = new ArrayList<>(plans.list(user, new PlanService.Filter(PlanStatus.IN_FORCE,
                null, null, null), 1, 100).rows());
        PlanSummary chosen = null;
        if (planId != null) {
            chosen = plans.get(user, planId);
        } else if (!inForce.isEmpty()) {
            chosen = inForce.get(0);
        }
        PlanSummary c = chosen;
        if (c != null && inForce.stream().noneMatch(x -> x.id() == c.id())) {
            inForce.add(0, c);
        }
        Quarter q = quarter(quarter);
        model.addAttribute("plans", inForce);
        model.addAttribute("plan", chosen);
        model.addAttribute("quarter", q);
        model.addAttribute("quarters", Pages.quarters(Quarter.of(progress.today()), 12));
        model.addAttribute("due", props.quarterDue(q));
        model.addAttribute("overdueDay", props.quarterOverdue(q, progress.today()));
        model.addAttribute("today", progress.today());
        return chosen != null;
    }

    private Quarter quarter(String text) {
        Quarter q = Quarter.parse(text);
        Quarter current = Quarter.of(progress.today());
        return q == null || q.compareTo(current) > 0 ? progress.reportingQuarter() : q;
    }
}
