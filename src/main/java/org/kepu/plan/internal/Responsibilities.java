package org.kepu.plan.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.ResponsibilityList;
import org.kepu.plan.TaskUnit;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 责任清单 of a member unit: the tasks it leads or cooperates in, in the plans the caller may see. The unit must be
 * visible to the caller (a liaison sees only their own unit); closed plans only when asked for.
 */
@Component
@Transactional(readOnly = true)
public class Responsibilities {

    private final JdbcClient jdbc;
    private final PlanReads reads;
    private final MemberUnitService units;

    Responsibilities(JdbcClient jdbc, PlanReads reads, MemberUnitService units) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.units = units;
    }

    public ResponsibilityList of(CurrentUser user, long unitId, boolean includeClosed) {
        MemberUnitRef unit = units.findReadable(user, unitId)
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        ScopeSql scope = PlanAccess.readable(user);
        List<Long> planIds = jdbc.sql("""
                select p.id from plan p
                where exists (select 1 from plan_task t join plan_task_unit l on l.task_id = t.id
                              where t.plan_id = p.id and l.unit_id = :unit)
                  and (:closed or p.status <> 'CLOSED') and\s""" + scope.condition() + """
                 order by case p.status when 'IN_FORCE' then 0 when 'DRAFT' then 1 else 2 end,
                          coalesce(p.period_end, extract(year from p.issued_on)::int) desc nulls last, p.id desc
                """).param("unit", unitId).param("closed", includeClosed).params(scope.params())
                .query(Long.class).list();
        List<ResponsibilityList.PlanPart> parts = new ArrayList<>();
        for (long planId : planIds) {
            PlanSummary plan = reads.get(planId);
            List<ResponsibilityList.Item> items = new ArrayList<>();
            for (PlanTask t : PlanReads.flatten(reads.tree(plan))) {
                ActionRole role = roleOf(t, unitId);
                if (role != null) {
                    items.add(new ResponsibilityList.Item(t.id(), t.numberingPath(), t.title(), role,
                            t.leadUnits().stream().map(TaskUnit::displayName).toList(),
                            t.cooperatingUnits().stream().map(TaskUnit::displayName).toList(), t.deadline(),
                            t.keyGroups()));
                }
            }
            parts.add(new ResponsibilityList.PlanPart(plan, items));
        }
        return new ResponsibilityList(unit, parts);
    }

    /** Per unit id: {tasks led, tasks cooperated in} over the plans the caller may see (closed ones left out). */
    public Map<Long, long[]> countsByUnit(CurrentUser user) {
        ScopeSql scope = PlanAccess.readable(user);
        Map<Long, long[]> out = new HashMap<>();
        jdbc.sql("""
                select l.unit_id, count(*) filter (where l.role = 'LEAD') as lead,
                       count(*) filter (where l.role = 'COOPERATING') as cooperating
                from plan_task_unit l join plan_task t on t.id = l.task_id join plan p on p.id = t.plan_id
                where l.unit_id is not null and p.status <> 'CLOSED' and\s""" + scope.condition() + """
                 group by l.unit_id
                """).params(scope.params()).query((rs, n) -> out.put(rs.getLong(1),
                        new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return out;
    }

    /** LEAD when the unit leads the task, COOPERATING when it only cooperates, null when neither. */
    static ActionRole roleOf(PlanTask t, long unitId) {
        ActionRole role = null;
        for (TaskUnit u : t.units()) {
            if (u.unitId() != null && u.unitId() == unitId) {
                if (u.role() == ActionRole.LEAD) {
                    return ActionRole.LEAD;
                }
                role = ActionRole.COOPERATING;
            }
        }
        return role;
    }
}
