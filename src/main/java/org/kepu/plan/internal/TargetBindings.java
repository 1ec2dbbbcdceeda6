package org.kepu.plan.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.indicator.Target;
import org.kepu.indicator.TargetComparator;
import org.kepu.indicator.TargetService;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.TaskTarget;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binds a target proposal found in a task's text to an indicator: creates the indicator module's target (for the
 * plan's division, audited there) and records its id on the proposal, in one transaction. Unbinding clears the id
 * and leaves the target itself (it may be edited or deleted on the indicator pages). Office admin of the plan,
 * plan not closed; a proposal already bound (or unbound meanwhile) is a conflict.
 */
@Service
@Transactional
public class TargetBindings {

    private final JdbcClient jdbc;
    private final PlanCommands plans;
    private final TargetService targets;
    private final AuditLog audit;

    TargetBindings(JdbcClient jdbc, PlanCommands plans, TargetService targets, AuditLog audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.targets = targets;
        this.audit = audit;
    }

    /** The proposal, if it belongs to the task of the plan the caller may change; else 403 or 404. */
    @Transactional(readOnly = true)
    public TaskTarget proposal(CurrentUser user, long planId, long taskId, long proposalId) {
        plans.writable(user, planId);
        return find(planId, taskId, proposalId);
    }

    /** The deadline offered for a proposal: 31 December of its year, else of the plan's last year, else of this year. */
    public static LocalDate defaultDeadline(TaskTarget proposal, PlanSummary plan, LocalDate today) {
        int year = proposal.deadlineYear() != null ? proposal.deadlineYear()
                : plan.periodEnd() != null ? plan.periodEnd() : today.getYear();
        return LocalDate.of(year, 12, 31);
    }

    /** The indicator module's comparator for the parser's one. */
    public static TargetComparator comparatorOf(TaskTarget proposal) {
        return TargetComparator.valueOf(proposal.comparator());
    }

    /** Creates the target and binds the proposal to it; returns the target. */
    public Target bind(CurrentUser user, long planId, long taskId, long proposalId, long indicatorId,
            TargetComparator comparator, BigDecimal value, LocalDate deadline) {
        PlanSummary plan = plans.writable(user, planId);
        TaskTarget proposal = find(planId, taskId, proposalId);
        if (proposal.boundTargetId() != null) {
            throw new ConflictException("task.bind.error.alreadyBound");
        }
        Target target = targets.create(indicatorId, plan.divisionCode(), deadline, comparator, value,
                note(plan, taskId, proposal));
        int n = jdbc.sql("""
                update plan_task_target set bound_target_id = :target where id = :id and bound_target_id is null
                """).param("target", target.id()).param("id", proposalId).update();
        if (n == 0) {
            throw new ConflictException("task.bind.error.alreadyBound");
        }
        touch(planId);
        audit.record("BIND", "plan_task_target", proposalId, Map.of("boundTargetId", "—"),
                Map.of("boundTargetId", target.id(), "indicator", target.indicatorCode(),
                        "targetValue", target.targetValue().toPlainString(), "deadline", target.deadline().toString()));
        return target;
    }

    /** Clears the binding made to {@code targetId} (the target stays); a changed binding is a conflict. */
    public void unbind(CurrentUser user, long planId, long taskId, long proposalId, long targetId) {
        plans.writable(user, planId);
        find(planId, taskId, proposalId);
        int n = jdbc.sql("""
                update plan_task_target set bound_target_id = null where id = :id and bound_target_id = :target
                """).param("id", proposalId).param("target", targetId).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        touch(planId);
        audit.record("UNBIND", "plan_task_target", proposalId, Map.of("boundTargetId", targetId),
                Map.of("boundTargetId", "—"));
    }

    private TaskTarget find(long planId, long taskId, long proposalId) {
        List<TaskTarget> rows = jdbc.sql("""
                select g.id, g.task_id, g.subject, g.quantity, g.unit_of_measure, g.comparator, g.deadline_year,
                       g.sentence, g.bound_target_id
                from plan_task_target g join plan_task t on t.id = g.task_id
                where g.id = :id and g.task_id = :task and t.plan_id = :plan
                """).param("id", proposalId).param("task", taskId).param("plan", planId)
                .query((rs, n) -> new TaskTarget(rs.getLong("id"), rs.getLong("task_id"), rs.getString("subject"),
                        rs.getBigDecimal("quantity"), rs.getString("unit_of_measure"), rs.getString("comparator"),
                        rs.getObject("deadline_year", Integer.class), rs.getString("sentence"),
                        rs.getObject("bound_target_id", Long.class)))
                .list();
        if (rows.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        return rows.get(0);
    }

    /** 寻府办字〔2022〕5号 二、（三） 农民教育培训5000人次以上 — where the target comes from. */
    private String note(PlanSummary plan, long taskId, TaskTarget proposal) {
        String numbering = jdbc.sql("""
                with recursive up as (select id, parent_id, numbering, 0 as d from plan_task where id = :id
                                      union all select t.id, t.parent_id, t.numbering, up.d + 1 from plan_task t
                                      join up on t.id = up.parent_id)
                select coalesce(string_agg(numbering, '' order by d desc), '') from up
                """).param("id", taskId).query(String.class).single();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("doc", plan.documentNumber() != null ? plan.documentNumber() : plan.title());
        parts.put("num", numbering);
        parts.put("what", proposal.subject() + proposal.shown());
        String note = String.join(" ", parts.values().stream().filter(s -> s != null && !s.isBlank()).toList());
        return note.length() > 1000 ? note.substring(0, 1000) : note;
    }

    private void touch(long planId) {
        jdbc.sql("update plan set updated_at = now() where id = :id").param("id", planId).update();
    }
}
