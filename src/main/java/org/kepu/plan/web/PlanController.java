package org.kepu.plan.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kepu.indicator.TargetProgress;
import org.kepu.indicator.TargetService;
import org.kepu.plan.PlanKind;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.ProgressService;
import org.kepu.plan.TaskTarget;
import org.kepu.plan.internal.PlanAccess;
import org.kepu.plan.internal.PlanReads;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The plan list (status, kind, year, text; filters in the URL) and a plan's page with its task tree. */
@Controller
class PlanController {

    static final String LIST = "plan/list";
    static final String DETAIL = "plan/detail";

    private final PlanService plans;
    private final TargetService targets;
    private final ProgressService progress;

    PlanController(PlanService plans, TargetService targets, ProgressService progress) {
        this.plans = plans;
        this.targets = targets;
        this.progress = progress;
    }

    @GetMapping("/plans")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String year, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanStatus s = PlanStatus.parse(status);
        PlanKind k = PlanKind.parse(kind);
        Integer y = year != null && year.strip().matches("\\d{4}") ? Integer.valueOf(year.strip()) : null;
        PageResult<PlanSummary> result = plans.list(user, new PlanService.Filter(s, k, y, q),
                PageResult.clampPage(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("year", y == null ? "" : y.toString());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("canCreate", PlanAccess.canCreate(user));
        return LIST;
    }

    @GetMapping("/plans/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanSummary plan = plans.get(user, id);
        List<PlanTask> tree = plans.tree(user, id);
        model.addAttribute("plan", plan);
        model.addAttribute("tree", tree);
        model.addAttribute("stats", TreeStats.of(tree));
        model.addAttribute("canWrite", PlanAccess.canWrite(user, plan.divisionPath()));
        model.addAttribute("canEditTasks", PlanAccess.canWrite(user, plan.divisionPath())
                && plan.status() != PlanStatus.CLOSED);
        model.addAttribute("bound", bound(tree, new HashMap<>()));
        model.addAttribute("overdue", plan.status() == PlanStatus.IN_FORCE ? progress.overdueTasks(user, id)
                : java.util.Set.of());
        return DETAIL;
    }

    /** Where each bound target stands, for the targets the caller may read (others show only "bound"). */
    private Map<Long, TargetProgress> bound(List<PlanTask> tasks, Map<Long, TargetProgress> out) {
        for (PlanTask t : tasks) {
            for (TaskTarget g : t.targets()) {
                if (g.boundTargetId() != null && !out.containsKey(g.boundTargetId())) {
                    try {
                        out.put(g.boundTargetId(), targets.progress(g.boundTargetId()));
                    } catch (NotFoundException e) {
                        // deleted on the indicator pages, or outside the caller's scope (member units)
                    }
                }
            }
            bound(t.children(), out);
        }
        return out;
    }
}
