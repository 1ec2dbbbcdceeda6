package org.kepu.plan.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kepu.audit.AuditLog;
import org.kepu.organization.ActionRole;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.PlanSummary;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, edits, moves and deletes the tasks of a plan and their unit links (office admin of the plan, plan not
 * closed), audited. Unit links are changed in place, so a link that stays keeps its id and its written name.
 */
@Service
@Transactional
public class TaskCommands {

    static final int MAX_TITLE = 500;
    static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;
    private final PlanCommands plans;
    private final PlanWriter writer;
    private final MemberUnitService units;
    private final AuditLog audit;

    TaskCommands(JdbcClient jdbc, PlanCommands plans, PlanWriter writer, MemberUnitService units, AuditLog audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.writer = writer;
        this.units = units;
        this.audit = audit;
    }

    public long create(CurrentUser user, long planId, TaskData data) {
        PlanSummary plan = plans.writable(user, planId);
        TaskData d = checked(data);
        checkParent(planId, null, d.parentId());
        int sort = nextSortOrder(planId, d.parentId());
        long id = writer.insertTask(planId, d.parentId(), d.numbering(), Numbering.styleOf(d.numbering()), sort,
                d.title(), d.body(), d.deadline(), d.keyGroups(), null);
        writeLinks(plan, id, d);
        touch(planId);
        audit.record("CREATE", "plan_task", id, null, writer.taskSnapshot(id));
        return id;
    }

    public void update(CurrentUser user, long planId, long taskId, TaskData data, int version) {
        PlanSummary plan = plans.writable(user, planId);
        Long oldParent = requireTask(planId, taskId);
        TaskData d = checked(data);
        checkParent(planId, taskId, d.parentId());
        Map<String, Object> before = writer.taskSnapshot(taskId);
        boolean moved = d.parentId() == null ? oldParent != null : !d.parentId().equals(oldParent);
        int n = jdbc.sql("""
                update plan_task set parent_id = :parent, numbering = :numbering, numbering_style = :style,
                    sort_order = case when :moved then :sort else sort_order end, title = :title, body = :body,
                    deadline = :deadline, key_groups = :groups, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("parent", d.parentId()).param("numbering", d.numbering())
                .param("style", Numbering.styleOf(d.numbering())).param("moved", moved)
                .param("sort", moved ? nextSortOrder(planId, d.parentId()) : 0).param("title", d.title())
                .param("body", d.body()).param("deadline", d.deadline())
                .param("groups", writer.groupsArray(d.keyGroups())).param("id", taskId).param("version", version)
                .update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        writeLinks(plan, taskId, d);
        touch(planId);
        audit.record("UPDATE", "plan_task", taskId, before, writer.taskSnapshot(taskId));
    }

    /** Deletes the task and every task under it. */
    public void delete(CurrentUser user, long planId, long taskId, int version) {
        plans.writable(user, planId);
        requireTask(planId, taskId);
        Map<String, Object> before = writer.taskSnapshot(taskId);
        before.put("subtasks", jdbc.sql("""
                with recursive sub as (select id from plan_task where parent_id = :id
                                       union all select t.id from plan_task t join sub on t.parent_id = sub.id)
                select count(*) from sub
                """).param("id", taskId).query(Long.class).single());
        int n = jdbc.sql("delete from plan_task where id = :id and version = :version").param("id", taskId)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        touch(planId);
        audit.record("DELETE", "plan_task", taskId, before, null);
    }

    /** Moves the task one place up or down among its siblings. */
    public void move(CurrentUser user, long planId, long taskId, boolean up) {
        plans.writable(user, planId);
        Long parent = requireTask(planId, taskId);
        List<Long> siblings = jdbc.sql("""
                select id from plan_task where plan_id = :plan and parent_id is not distinct from :parent
                order by sort_order, id
                """).param("plan", planId).param("parent", parent).query(Long.class).list();
        int i = siblings.indexOf(taskId);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= siblings.size()) {
            return;
        }
        List<Long> order = new ArrayList<>(siblings);
        order.set(i, siblings.get(j));
        order.set(j, taskId);
        for (int k = 0; k < order.size(); k++) {
            jdbc.sql("update plan_task set sort_order = :s where id = :id").param("s", (k + 1) * 10)
                    .param("id", order.get(k)).update();
        }
        touch(planId);
        audit.record("MOVE", "plan_task", taskId, Map.of("position", i + 1), Map.of("position", j + 1));
    }

    /** The task's parent id (null at the top); 404 when the task is not in the plan. */
    private Long requireTask(long planId, long taskId) {
        var row = jdbc.sql("select parent_id from plan_task where id = :id and plan_id = :plan").param("id", taskId)
                .param("plan", planId).query().listOfRows();
        if (row.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        Object p = row.get(0).get("parent_id");
        return p == null ? null : ((Number) p).longValue();
    }

    /** The parent must be a task of the same plan, and not the task itself or one below it. */
    private void checkParent(long planId, Long taskId, Long parentId) {
        if (parentId == null) {
            return;
        }
        boolean inPlan = jdbc.sql("select count(*) from plan_task where id = :id and plan_id = :plan")
                .param("id", parentId).param("plan", planId).query(Long.class).single() > 0;
        if (!inPlan) {
            throw new BadRequestException("task.error.parent");
        }
        if (taskId != null) {
            boolean below = jdbc.sql("""
                    with recursive up as (select id, parent_id from plan_task where id = :parent
                                          union all select t.id, t.parent_id from plan_task t join up
                                          on t.id = up.parent_id)
                    select count(*) from up where id = :task
                    """).param("parent", parentId).param("task", taskId).query(Long.class).single() > 0;
            if (below) {
                throw new BadRequestException("task.error.parentCycle");
            }
        }
    }

    private int nextSortOrder(long planId, Long parentId) {
        return jdbc.sql("""
                select coalesce(max(sort_order), 0) + 10 from plan_task
                where plan_id = :plan and parent_id is not distinct from :parent
                """).param("plan", planId).param("parent", parentId).query(Integer.class).single();
    }

    private void touch(long planId) {
        jdbc.sql("update plan set updated_at = now() where id = :id").param("id", planId).update();
    }

    /**
     * Brings the task's links to the chosen units: links of units still chosen stay (role and order updated),
     * links of units no longer chosen go, new units are added under their current name; links to written names
     * without a unit stay only when kept.
     */
    private void writeLinks(PlanSummary plan, long taskId, TaskData d) {
        Map<Long, ActionRole> wanted = new LinkedHashMap<>();
        d.cooperatingUnitIds().forEach(id -> wanted.put(id, ActionRole.COOPERATING));
        Map<Long, ActionRole> ordered = new LinkedHashMap<>();
        d.leadUnitIds().forEach(id -> ordered.put(id, ActionRole.LEAD));
        wanted.forEach(ordered::putIfAbsent);
        Map<Long, String> names = new HashMap<>();
        for (MemberUnitRef u : units.activeUnitsFor(plan.divisionPath())) {
            names.put(u.id(), u.name());
        }
        List<Object[]> existing = jdbc.sql("""
                select id, unit_id from plan_task_unit where task_id = :t order by sort_order, id
                """)
                .param("t", taskId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class)})
                .list();
        Set<Long> linked = new HashSet<>();
        for (Object[] e : existing) {
            if (e[1] != null) {
                linked.add((Long) e[1]);
            }
        }
        for (Long id : ordered.keySet()) {
            if (!names.containsKey(id) && !linked.contains(id)) {
                throw new BadRequestException("task.error.unit");
            }
        }
        // Links that stay keep their place (the document's order); new units follow in the picker's order.
        List<Long> order = new ArrayList<>();
        for (Object[] e : existing) {
            if (e[1] != null && ordered.containsKey((Long) e[1])) {
                order.add((Long) e[1]);
            }
        }
        ordered.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
        for (Object[] e : existing) {
            long linkId = (Long) e[0];
            Long unitId = (Long) e[1];
            if (unitId == null ? !d.keepWrittenIds().contains(linkId) : !ordered.containsKey(unitId)) {
                jdbc.sql("delete from plan_task_unit where id = :id").param("id", linkId).update();
            } else if (unitId != null) {
                jdbc.sql("update plan_task_unit set role = :role, sort_order = :sort where id = :id")
                        .param("role", ordered.get(unitId).name()).param("sort", order.indexOf(unitId))
                        .param("id", linkId).update();
                order.set(order.indexOf(unitId), null);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            Long unitId = order.get(i);
            if (unitId != null) {
                writer.insertLink(taskId, ordered.get(unitId), unitId,
                        names.getOrDefault(unitId, units.find(unitId).map(MemberUnitRef::name).orElse("")), i);
            }
        }
    }

    static TaskData checked(TaskData d) {
        String title = PlanCommands.trim(d.title());
        if (title == null) {
            throw new BadRequestException("task.error.titleRequired");
        }
        if (title.length() > MAX_TITLE) {
            throw new BadRequestException("task.error.titleLong", MAX_TITLE);
        }
        String numbering = d.numbering() == null ? "" : d.numbering().strip();
        if (numbering.length() > 20) {
            throw new BadRequestException("task.error.numberingLong");
        }
        String body = PlanCommands.trim(d.body());
        if (body != null && body.length() > MAX_BODY) {
            throw new BadRequestException("task.error.bodyLong", MAX_BODY);
        }
        LocalDate deadline = d.deadline();
        if (deadline != null && (deadline.getYear() < 1990 || deadline.getYear() > 2100)) {
            throw new BadRequestException("task.error.deadline");
        }
        return new TaskData(d.parentId(), numbering, title, body, deadline,
                d.keyGroups() == null ? Set.of() : d.keyGroups(),
                d.leadUnitIds() == null ? List.of() : d.leadUnitIds(),
                d.cooperatingUnitIds() == null ? List.of() : d.cooperatingUnitIds(),
                d.keepWrittenIds() == null ? Set.of() : d.keepWrittenIds());
    }
}
