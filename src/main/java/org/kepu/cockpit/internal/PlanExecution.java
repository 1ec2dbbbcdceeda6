package org.kepu.cockpit.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.indicator.Target;
import org.kepu.indicator.TargetProgress;
import org.kepu.indicator.TargetService;
import org.kepu.indicator.TargetStatus;
import org.kepu.organization.ActionRole;
import org.kepu.plan.PlanService;
import org.kepu.plan.ProgressService;
import org.kepu.plan.Quarter;
import org.kepu.plan.UnitReporting;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.TaskTarget;
import org.kepu.plan.TaskUnit;
import org.kepu.region.Division;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * How the plans in force are being carried out, judged by the targets bound to their tasks: per plan, how many
 * tasks stand at each status (a task takes the worst status of its bound targets), and per lead unit the statuses
 * of the targets bound to the tasks it leads.
 */
@Component
public class PlanExecution {

    /** Worst first: the order in which a task's targets decide its status. */
    static final List<TargetStatus> SEVERITY = List.of(TargetStatus.BEHIND, TargetStatus.AT_RISK,
            TargetStatus.NO_VALUE, TargetStatus.ON_TRACK, TargetStatus.ACHIEVED);

    /** One plan: its tasks, those with bound targets, and the tasks by status. */
    public record PlanRow(PlanSummary plan, int tasks, int tasksWithTargets, Map<TargetStatus, Integer> byStatus,
            Reporting reporting) {

        public int count(TargetStatus s) {
            return byStatus.getOrDefault(s, 0);
        }

        public int tasksWithoutTargets() {
            return tasks - tasksWithTargets;
        }
    }

    /**
     * The units' quarterly progress reports on a plan for the quarter now being reported (进度报送): how many of the
     * responsible units have every report in, how many owe reports past the due date.
     */
    public record Reporting(Quarter quarter, int units, int complete, int overdue) {
    }

    /** The plans, and for each lead unit (by id) the statuses of the targets bound to tasks it leads. */
    public record Overview(List<PlanRow> plans, Map<Long, List<TargetStatus>> leadTargets) {
    }

    private static final int MAX_PLANS = 50;

    private final PlanService plans;
    private final TargetService targets;
    private final ProgressService progress;

    PlanExecution(PlanService plans, TargetService targets, ProgressService progress) {
        this.plans = plans;
        this.targets = targets;
        this.progress = progress;
    }

    private Reporting reporting(CurrentUser user, long planId, Quarter quarter) {
        List<UnitReporting> units = progress.reporting(user, planId, quarter);
        return new Reporting(quarter, units.size(), (int) units.stream().filter(UnitReporting::complete).count(),
                (int) units.stream().filter(UnitReporting::overdue).count());
    }

    /** The plans in force the caller may read that concern {@code area} (at it, above it or below it). */
    public Overview of(CurrentUser user, Division area) {
        var page = plans.list(user, new PlanService.Filter(PlanStatus.IN_FORCE, null, null, null), 1, MAX_PLANS);
        Map<Long, TargetStatus> statusByTarget = new HashMap<>();
        List<PlanRow> rows = new ArrayList<>();
        Map<Long, List<TargetStatus>> leads = new LinkedHashMap<>();
        Quarter quarter = progress.reportingQuarter();
        for (PlanSummary p : page.rows()) {
            if (!related(p.divisionPath(), area.path())) {
                continue;
            }
            List<PlanTask> tasks = plans.tasks(user, p.id());
            Map<TargetStatus, Integer> byStatus = new EnumMap<>(TargetStatus.class);
            int withTargets = 0;
            for (PlanTask t : tasks) {
                List<TargetStatus> statuses = new ArrayList<>();
                for (TaskTarget tt : t.targets()) {
                    if (tt.boundTargetId() != null) {
                        TargetStatus s = statusByTarget.computeIfAbsent(tt.boundTargetId(), this::status);
                        if (s != null) {
                            statuses.add(s);
                        }
                    }
                }
                if (statuses.isEmpty()) {
                    continue;
                }
                withTargets++;
                byStatus.merge(worst(statuses), 1, Integer::sum);
                for (TaskUnit u : t.units()) {
                    if (u.role() == ActionRole.LEAD && u.unitId() != null) {
                        leads.computeIfAbsent(u.unitId(), k -> new ArrayList<>()).addAll(statuses);
                    }
                }
            }
            rows.add(new PlanRow(p, tasks.size(), withTargets, byStatus, reporting(user, p.id(), quarter)));
        }
        return new Overview(rows, leads);
    }

    /** The target's status today, or null when the caller may not read it (or it was deleted). */
    private TargetStatus status(long targetId) {
        try {
            Target t = targets.get(targetId);
            TargetProgress p = targets.progress(List.of(t)).get(0);
            return p.status();
        } catch (NotFoundException e) {
            return null;
        }
    }

    static TargetStatus worst(List<TargetStatus> statuses) {
        for (TargetStatus s : SEVERITY) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        return statuses.get(0);
    }

    private static boolean related(String planPath, String areaPath) {
        return planPath.equals(areaPath) || areaPath.startsWith(planPath + "/") || planPath.startsWith(areaPath + "/");
    }
}
