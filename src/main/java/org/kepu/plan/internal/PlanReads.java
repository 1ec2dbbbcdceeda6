package org.kepu.plan.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kepu.organization.ActionRole;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.PlanKind;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.TaskTarget;
import org.kepu.plan.TaskUnit;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PageResult;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SQL reads of plans and tasks, always under {@link PlanAccess#readable}. */
@Component
@Transactional(readOnly = true)
public class PlanReads {

    /** List filters; null means any. {@code year} matches plans whose period (or date of issue) covers it. */
    public record Filter(PlanStatus status, PlanKind kind, Integer year, String q) {
    }

    static final String SUMMARY = """
            select p.id, p.kind, p.title, p.period_start, p.period_end, p.issuing_body, p.document_number,
                   p.issued_on, p.status, p.division_code, p.division_path, p.version,
                   (select count(*) from plan_task t where t.plan_id = p.id) as task_count
            from plan p
            """;

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final MemberUnitService units;

    PlanReads(JdbcClient jdbc, DivisionService divisions, MemberUnitService units) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.units = units;
    }

    public PageResult<PlanSummary> list(CurrentUser user, Filter f, int page, int size) {
        ScopeSql scope = PlanAccess.readable(user);
        StringBuilder where = new StringBuilder(" where ").append(scope.condition());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", f.status().name());
        }
        if (f.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.year() != null) {
            where.append(" and (case when p.period_start is null and p.period_end is null"
                    + " then extract(year from p.issued_on) = :year"
                    + " else coalesce(p.period_start, p.period_end) <= :year"
                    + " and coalesce(p.period_end, p.period_start) >= :year end)");
            params.put("year", f.year());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (p.title ilike :q or p.document_number ilike :q or p.issuing_body ilike :q)");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from plan p" + where).params(params).query(Long.class).single();
        Map<String, String> names = new HashMap<>();
        List<PlanSummary> rows = jdbc.sql(SUMMARY + where
                        + " order by case p.status when 'IN_FORCE' then 0 when 'DRAFT' then 1 else 2 end,"
                        + " coalesce(p.period_end, extract(year from p.issued_on)::int) desc nulls last, p.id desc"
                        + " limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) (page - 1) * size)
                .query((rs, n) -> summary(rs, names)).list();
        return new PageResult<>(rows, page, size, total);
    }

    /** The plan when the caller may see it; 404 otherwise. */
    public PlanSummary get(CurrentUser user, long id) {
        ScopeSql scope = PlanAccess.readable(user);
        return jdbc.sql(SUMMARY + " where p.id = :id and " + scope.condition()).param("id", id)
                .params(scope.params()).query((rs, n) -> summary(rs, new HashMap<>())).optional()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The plan without a caller check (inside commands that checked already). */
    PlanSummary get(long id) {
        return jdbc.sql(SUMMARY + " where p.id = :id").param("id", id)
                .query((rs, n) -> summary(rs, new HashMap<>())).optional()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The top-level tasks of a plan the caller may see, each with its subtree. */
    public List<PlanTask> tree(CurrentUser user, long planId) {
        return tree(get(user, planId));
    }

    /** All tasks of a plan the caller may see, depth first, without children. */
    public List<PlanTask> flat(CurrentUser user, long planId) {
        return flatten(tree(user, planId));
    }

    public List<PlanTask> tree(PlanSummary plan) {
        long planId = plan.id();
        Map<Long, String> unitNames = unitNames(plan.divisionPath(), planId);
        Map<Long, List<TaskUnit>> links = new HashMap<>();
        jdbc.sql("""
                select l.id, l.task_id, l.role, l.unit_id, l.written_name from plan_task_unit l
                join plan_task t on t.id = l.task_id where t.plan_id = :plan
                order by l.task_id, case l.role when 'LEAD' then 0 else 1 end, l.sort_order, l.id
                """).param("plan", planId).query((rs, n) -> {
                    Long unitId = rs.getObject("unit_id", Long.class);
                    links.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new TaskUnit(
                            rs.getLong("id"), ActionRole.valueOf(rs.getString("role")), unitId,
                            rs.getString("written_name"), unitId == null ? null : unitNames.get(unitId)));
                    return null;
                }).list();
        Map<Long, List<TaskTarget>> targets = new HashMap<>();
        jdbc.sql("""
                select g.id, g.task_id, g.subject, g.quantity, g.unit_of_measure, g.comparator, g.deadline_year,
                       g.sentence, g.bound_target_id
                from plan_task_target g join plan_task t on t.id = g.task_id where t.plan_id = :plan
                order by g.task_id, g.sort_order, g.id
                """).param("plan", planId).query((rs, n) -> {
                    targets.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new TaskTarget(
                            rs.getLong("id"), rs.getLong("task_id"), rs.getString("subject"),
                            rs.getBigDecimal("quantity"), rs.getString("unit_of_measure"), rs.getString("comparator"),
                            rs.getObject("deadline_year", Integer.class), rs.getString("sentence"),
                            rs.getObject("bound_target_id", Long.class)));
                    return null;
                }).list();
        List<Row> rows = jdbc.sql("""
                select id, parent_id, numbering, numbering_style, sort_order, title, body, deadline, key_groups, version
                from plan_task where plan_id = :plan order by sort_order, id
                """).param("plan", planId).query((rs, n) -> new Row(rs.getLong("id"),
                        rs.getObject("parent_id", Long.class), rs.getString("numbering"),
                        rs.getString("numbering_style"), rs.getInt("sort_order"), rs.getString("title"),
                        rs.getString("body"), rs.getObject("deadline", LocalDate.class),
                        keyGroups(rs.getArray("key_groups")), rs.getInt("version"))).list();
        Map<Long, List<Row>> byParent = new LinkedHashMap<>();
        for (Row r : rows) {
            byParent.computeIfAbsent(r.parentId() == null ? 0L : r.parentId(), k -> new ArrayList<>()).add(r);
        }
        return build(planId, byParent, 0L, new ArrayList<>(), 0, links, targets);
    }

    private List<PlanTask> build(long planId, Map<Long, List<Row>> byParent, long parent, List<String> numbers,
            int depth, Map<Long, List<TaskUnit>> links, Map<Long, List<TaskTarget>> targets) {
        List<PlanTask> out = new ArrayList<>();
        for (Row r : byParent.getOrDefault(parent, List.of())) {
            numbers.add(r.numbering());
            String path = Numbering.path(numbers);
            List<PlanTask> children = build(planId, byParent, r.id(), numbers, depth + 1, links, targets);
            numbers.remove(numbers.size() - 1);
            out.add(new PlanTask(r.id(), planId, r.parentId(), r.numbering(), r.style(), path, r.sortOrder(),
                    r.title(), r.body(), r.deadline(), r.keyGroups(), links.getOrDefault(r.id(), List.of()),
                    targets.getOrDefault(r.id(), List.of()), depth, r.version(), children));
        }
        return out;
    }

    /** Depth first, children emptied. */
    public static List<PlanTask> flatten(List<PlanTask> tree) {
        List<PlanTask> out = new ArrayList<>();
        flatten(tree, out);
        return out;
    }

    private static void flatten(List<PlanTask> tree, List<PlanTask> out) {
        for (PlanTask t : tree) {
            out.add(new PlanTask(t.id(), t.planId(), t.parentId(), t.numbering(), t.numberingStyle(),
                    t.numberingPath(), t.sortOrder(), t.title(), t.body(), t.deadline(), t.keyGroups(), t.units(),
                    t.targets(), t.depth(), t.version(), List.of()));
            flatten(t.children(), out);
        }
    }

    /** Names of the member units linked in a plan: the units visible from its division, then any others by id. */
    private Map<Long, String> unitNames(String path, long planId) {
        Map<Long, String> names = new HashMap<>();
        for (MemberUnitRef u : units.activeUnitsFor(path)) {
            names.put(u.id(), u.name());
        }
        List<Long> missing = jdbc.sql("""
                select distinct l.unit_id from plan_task_unit l join plan_task t on t.id = l.task_id
                where t.plan_id = :plan and l.unit_id is not null
                """).param("plan", planId).query(Long.class).list();
        for (Long id : missing) {
            if (!names.containsKey(id)) {
                units.find(id).ifPresent(u -> names.put(u.id(), u.name()));
            }
        }
        return names;
    }

    PlanSummary summary(ResultSet rs, Map<String, String> divisionNames) throws SQLException {
        String code = rs.getString("division_code");
        String name = divisionNames.computeIfAbsent(code, c -> divisions.find(c).map(Division::name).orElse(c));
        return new PlanSummary(rs.getLong("id"), PlanKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getObject("period_start", Integer.class), rs.getObject("period_end", Integer.class),
                rs.getString("issuing_body"), rs.getString("document_number"),
                rs.getObject("issued_on", LocalDate.class), PlanStatus.valueOf(rs.getString("status")), code,
                rs.getString("division_path"), name, rs.getInt("task_count"), rs.getInt("version"));
    }

    static Set<KeyGroup> keyGroups(Array array) throws SQLException {
        Set<KeyGroup> out = EnumSet.noneOf(KeyGroup.class);
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add(KeyGroup.valueOf((String) o));
            }
        }
        return out;
    }

    record Row(long id, Long parentId, String numbering, String style, int sortOrder, String title, String body,
            LocalDate deadline, Set<KeyGroup> keyGroups, int version) {
    }
}
