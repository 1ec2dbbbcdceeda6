package org.kepu.plan.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.ProgressCell;
import org.kepu.plan.ProgressMatrix;
import org.kepu.plan.Quarter;
import org.kepu.plan.TaskProgress;
import org.kepu.plan.TaskUnit;
import org.kepu.plan.UnitReporting;
import org.kepu.organization.ActionRole;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has reported what: the reporting status of a plan's units for a quarter and the units × tasks matrix. Reports
 * are required from the quarter the plan was issued in (or the first quarter of its period); a unit that reported a
 * task 已完成 owes no further reports on it.
 */
@Component
@Transactional(readOnly = true)
public class ProgressStatus {

    /** The latest submitted or accepted report of a unit on a task up to a quarter. */
    record Latest(long reportId, Quarter quarter, TaskProgress progress) {
    }

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final MemberUnitService units;
    private final ProgressProperties props;

    ProgressStatus(JdbcClient jdbc, PlanService plans, MemberUnitService units, ProgressProperties props) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.units = units;
        this.props = props;
    }

    /** The first quarter a plan's units report on, or null when the plan has no date at all. */
    public static Quarter firstQuarter(LocalDate issuedOn, Integer periodStart) {
        if (issuedOn != null) {
            return Quarter.of(issuedOn);
        }
        return periodStart == null ? null : new Quarter(periodStart, 1);
    }

    /** Whether the plan's units owe reports for {@code q}. */
    public static boolean required(PlanSummary plan, Quarter q) {
        return required(plan.issuedOn(), plan.periodStart(), q);
    }

    static boolean required(LocalDate issuedOn, Integer periodStart, Quarter q) {
        Quarter first = firstQuarter(issuedOn, periodStart);
        return first == null || q.compareTo(first) >= 0;
    }

    /**
     * The colour of one cell. DONE once the unit has reported 已完成; OVERDUE when the task's deadline passed before
     * {@code asOf}, or the quarter's report is required, missing and past its due date; else the latest status.
     */
    static ProgressCell classify(Latest latest, boolean reportedThisQuarter, boolean required, boolean quarterOverdue,
            LocalDate deadline, LocalDate asOf) {
        if (latest != null && latest.progress() == TaskProgress.DONE) {
            return ProgressCell.DONE;
        }
        if (deadline != null && asOf.isAfter(deadline)) {
            return ProgressCell.OVERDUE;
        }
        if (required && !reportedThisQuarter && quarterOverdue) {
            return ProgressCell.OVERDUE;
        }
        if (latest == null) {
            return ProgressCell.NOT_REPORTED;
        }
        return ProgressCell.valueOf(latest.progress().name());
    }

    /** The day task deadlines are judged at for a quarter: its due date, or today when that is earlier. */
    LocalDate asOf(Quarter q, LocalDate today) {
        LocalDate due = props.quarterDue(q);
        return today.isBefore(due) ? today : due;
    }

    public ProgressMatrix matrix(CurrentUser user, long planId, Quarter q, LocalDate today) {
        PlanSummary plan = plans.get(user, planId);
        List<PlanTask> tasks = plans.tasks(user, planId);
        Long onlyUnit = ReportAccess.isUnit(user) ? user.scope().unitId() : null;
        ScopeSql s = ReportAccess.readable(user, "r.division_path", "r.unit_id", "r.state");
        Map<String, Latest> latest = new HashMap<>();
        jdbc.sql("""
                select distinct on (r.task_id, r.unit_id) r.task_id, r.unit_id, r.id, r.year, r.quarter, r.progress
                from progress_report r
                where r.plan_id = :plan and r.state in ('SUBMITTED', 'ACCEPTED')
                  and (r.year < :y or r.year = :y and r.quarter <= :q) and\s""" + s.condition() + """

                order by r.task_id, r.unit_id, r.year desc, r.quarter desc
                """).param("plan", planId).param("y", q.year()).param("q", q.quarter()).params(s.params())
                .query((rs, n) -> latest.put(rs.getLong("task_id") + ":" + rs.getLong("unit_id"),
                        new Latest(rs.getLong("id"), new Quarter(rs.getInt("year"), rs.getInt("quarter")),
                                TaskProgress.valueOf(rs.getString("progress")))))
                .list();
        Map<String, Long> current = new HashMap<>();
        jdbc.sql("select r.task_id, r.unit_id, r.id from progress_report r where r.plan_id = :plan and r.year = :y"
                        + " and r.quarter = :q and " + s.condition())
                .param("plan", planId).param("y", q.year()).param("q", q.quarter()).params(s.params())
                .query((rs, n) -> current.put(rs.getLong("task_id") + ":" + rs.getLong("unit_id"), rs.getLong("id")))
                .list();
        boolean required = required(plan, q);
        boolean quarterOverdue = props.quarterOverdue(q, today);
        LocalDate asOf = asOf(q, today);

        Map<Long, String> unitNames = new LinkedHashMap<>();
        Map<Long, Map<Long, ProgressMatrix.Cell>> cells = new HashMap<>();
        List<ProgressMatrix.Task> columns = new ArrayList<>();
        for (PlanTask t : tasks) {
            boolean any = false;
            for (TaskUnit u : t.units()) {
                if (u.unitId() == null || onlyUnit != null && !onlyUnit.equals(u.unitId())) {
                    continue;
                }
                any = true;
                unitNames.putIfAbsent(u.unitId(), u.displayName());
                String key = t.id() + ":" + u.unitId();
                Latest l = latest.get(key);
                Long now = current.get(key);
                boolean reportedNow = l != null && l.quarter().equals(q);
                ProgressCell status = classify(l, reportedNow, required, quarterOverdue, t.deadline(), asOf);
                Long link = now != null ? now : l == null ? null : l.reportId();
                cells.computeIfAbsent(u.unitId(), k -> new HashMap<>()).put(t.id(), new ProgressMatrix.Cell(status,
                        link, l == null ? null : l.quarter(), u.role() == ActionRole.LEAD));
            }
            if (any) {
                columns.add(new ProgressMatrix.Task(t.id(), t.numberingPath(), t.title(), t.deadline()));
            }
        }
        List<ProgressMatrix.Unit> rows = new ArrayList<>();
        unitNames.forEach((id, name) -> {
            Map<ProgressCell, Integer> counts = new EnumMap<>(ProgressCell.class);
            cells.getOrDefault(id, Map.of()).values().forEach(c -> counts.merge(c.status(), 1, Integer::sum));
            rows.add(new ProgressMatrix.Unit(id, name, counts));
        });
        return new ProgressMatrix(plan, q, rows, columns, cells);
    }

    /** The tasks of a plan whose deadline has passed while a responsible unit has not reported them 已完成. */
    public java.util.Set<Long> overdueTasks(CurrentUser user, long planId, LocalDate today) {
        plans.get(user, planId);
        return new java.util.HashSet<>(jdbc.sql("""
                select distinct t.id from plan_task t join plan_task_unit u on u.task_id = t.id
                where t.plan_id = :plan and u.unit_id is not null and t.deadline < :today
                  and not exists (select 1 from progress_report r where r.task_id = t.id and r.unit_id = u.unit_id
                                  and r.progress = 'DONE' and r.state in ('SUBMITTED', 'ACCEPTED'))
                """).param("plan", planId).param("today", today).query(Long.class).list());
    }

    public List<UnitReporting> reporting(CurrentUser user, long planId, Quarter q, LocalDate today) {
        PlanSummary plan = plans.get(user, planId);
        ScopeSql s = ReportAccess.readable(user, "t_plan.division_path", "u.unit_id", null);
        boolean overdueDay = required(plan, q) && props.quarterOverdue(q, today);
        record Row(long unitId, int tasks, int accepted, int submitted, int returned, int drafts) {
        }
        List<Row> rows = jdbc.sql("""
                select u.unit_id, count(*) as tasks,
                       count(r.id) filter (where r.state = 'ACCEPTED') as accepted,
                       count(r.id) filter (where r.state = 'SUBMITTED') as submitted,
                       count(r.id) filter (where r.state = 'RETURNED') as returned,
                       count(r.id) filter (where r.state = 'DRAFT') as drafts
                from plan_task_unit u
                join plan_task t on t.id = u.task_id
                join plan t_plan on t_plan.id = t.plan_id
                left join progress_report r on r.task_id = u.task_id and r.unit_id = u.unit_id
                     and r.year = :y and r.quarter = :q
                where t.plan_id = :plan and u.unit_id is not null
                  and not exists (select 1 from progress_report d where d.task_id = u.task_id
                                  and d.unit_id = u.unit_id and d.progress = 'DONE'
                                  and d.state in ('SUBMITTED', 'ACCEPTED')
                                  and (d.year < :y or d.year = :y and d.quarter < :q))
                  and\s""" + s.condition() + """

                group by u.unit_id
                """).param("plan", planId).param("y", q.year()).param("q", q.quarter()).params(s.params())
                .query((rs, n) -> new Row(rs.getLong("unit_id"), rs.getInt("tasks"), rs.getInt("accepted"),
                        rs.getInt("submitted"), rs.getInt("returned"), rs.getInt("drafts")))
                .list();
        Map<Long, String> names = units.names(rows.stream().map(Row::unitId).toList());
        List<UnitReporting> out = new ArrayList<>();
        for (Row r : rows) {
            int missing = r.tasks() - r.accepted() - r.submitted();
            out.add(new UnitReporting(r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()), r.tasks(),
                    r.accepted(), r.submitted(), r.returned(), r.drafts(), missing, overdueDay && missing > 0));
        }
        out.sort(java.util.Comparator.comparing(UnitReporting::complete).thenComparing(UnitReporting::missing,
                java.util.Comparator.reverseOrder()).thenComparing(UnitReporting::unitName));
        return out;
    }
}
