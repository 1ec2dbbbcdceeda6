package org.kepu.plan.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.plan.PlanStatus;
import org.kepu.region.Division;
import org.kepu.shared.KeyGroup;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The inserts of plans, tasks, unit links and target proposals; callers check access and audit. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class PlanWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PlanWriter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insertPlan(PlanData d, Division division, PlanStatus status, String sourceText, Long userId) {
        return jdbc.sql("""
                insert into plan (kind, title, period_start, period_end, issuing_body, document_number, issued_on,
                                  status, division_code, division_path, source_text, created_by)
                values (:kind, :title, :ps, :pe, :body, :doc, :issued, :status, :code, :path, :source, :user)
                returning id
                """).param("kind", d.kind().name()).param("title", d.title()).param("ps", d.periodStart())
                .param("pe", d.periodEnd()).param("body", d.issuingBody()).param("doc", d.documentNumber())
                .param("issued", d.issuedOn()).param("status", status.name()).param("code", division.code())
                .param("path", division.path()).param("source", sourceText).param("user", userId)
                .query(Long.class).single();
    }

    public long insertTask(long planId, Long parentId, String numbering, String style, int sortOrder, String title,
            String body, LocalDate deadline, Collection<KeyGroup> keyGroups, Integer sourceLine) {
        return jdbc.sql("""
                insert into plan_task (plan_id, parent_id, numbering, numbering_style, sort_order, title, body,
                                       deadline, key_groups, source_line)
                values (:plan, :parent, :numbering, :style, :sort, :title, :body, :deadline, :groups, :line)
                returning id
                """).param("plan", planId).param("parent", parentId).param("numbering", numbering)
                .param("style", style).param("sort", sortOrder).param("title", title).param("body", body)
                .param("deadline", deadline).param("groups", groupsArray(keyGroups)).param("line", sourceLine)
                .query(Long.class).single();
    }

    public void insertLink(long taskId, ActionRole role, Long unitId, String writtenName, int sortOrder) {
        jdbc.sql("""
                insert into plan_task_unit (task_id, role, unit_id, written_name, sort_order)
                values (:task, :role, :unit, :name, :sort)
                """).param("task", taskId).param("role", role.name()).param("unit", unitId)
                .param("name", writtenName).param("sort", sortOrder).update();
    }

    public void insertTarget(long taskId, String subject, BigDecimal quantity, String unitOfMeasure,
            String comparator, Integer deadlineYear, String sentence, int sortOrder) {
        jdbc.sql("""
                insert into plan_task_target (task_id, subject, quantity, unit_of_measure, comparator, deadline_year,
                                              sentence, sort_order)
                values (:task, :subject, :quantity, :uom, :comparator, :year, :sentence, :sort)
                """).param("task", taskId).param("subject", subject).param("quantity", quantity)
                .param("uom", unitOfMeasure).param("comparator", comparator).param("year", deadlineYear)
                .param("sentence", sentence).param("sort", sortOrder).update();
    }

    /** A varchar[] of key-group names for a parameter. */
    Array groupsArray(Collection<KeyGroup> groups) {
        Object[] names = groups == null ? new Object[0] : groups.stream().sorted().map(Enum::name).toArray();
        return template.execute((ConnectionCallback<Array>) (Connection c) -> c.createArrayOf("varchar", names));
    }

    /** What the audit log keeps of a plan. */
    public Map<String, Object> planSnapshot(long id) {
        Map<String, Object> m = new LinkedHashMap<>(jdbc.sql("""
                select kind, title, period_start, period_end, issuing_body, document_number, issued_on, status,
                       division_code, version from plan where id = :id
                """).param("id", id).query().singleRow());
        m.put("tasks", jdbc.sql("select count(*) from plan_task where plan_id = :id").param("id", id)
                .query(Long.class).single());
        return m;
    }

    /** What the audit log keeps of a task: its fields and its unit links. */
    public Map<String, Object> taskSnapshot(long id) {
        Map<String, Object> m = new LinkedHashMap<>(jdbc.sql("""
                select plan_id, parent_id, numbering, sort_order, title, body, deadline,
                       array_to_string(key_groups, ',') as key_groups, version from plan_task where id = :id
                """).param("id", id).query().singleRow());
        m.put("units", jdbc.sql("""
                select coalesce(string_agg(role || ':' || written_name || coalesce('#' || unit_id, ''), ','
                                           order by role desc, sort_order, id), '')
                from plan_task_unit where task_id = :id
                """).param("id", id).query(String.class).single());
        return m;
    }
}
