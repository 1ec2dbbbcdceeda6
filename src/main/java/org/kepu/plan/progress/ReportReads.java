package org.kepu.plan.progress;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.Quarter;
import org.kepu.plan.ReportState;
import org.kepu.plan.TaskProgress;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SQL reads of quarterly progress reports, always under {@link ReportAccess#readable}. */
@Component
@Transactional(readOnly = true)
public class ReportReads {

    /** List filters; null means any. */
    public record Filter(Long planId, Long taskId, Long unitId, Quarter quarter, List<ReportState> states) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    static final String SELECT = """
            select r.id, r.plan_id, p.title as plan_title, r.task_id, t.numbering as task_numbering,
                   t.title as task_title, t.deadline as task_deadline, r.unit_id, r.division_path, r.year,
                   r.quarter, r.progress, r.body, r.figures::text as figures, r.activity_ids, r.state,
                   r.return_reason, r.submitted_at, r.reviewed_at, r.version
            from progress_report r join plan p on p.id = r.plan_id join plan_task t on t.id = r.task_id
            """;

    private static final TypeReference<List<ReportFigure>> FIGURES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final MemberUnitService units;
    private final ObjectMapper json;
    private final ProgressProperties props;

    ReportReads(JdbcClient jdbc, MemberUnitService units, ObjectMapper json, ProgressProperties props) {
        this.jdbc = jdbc;
        this.units = units;
        this.json = json;
        this.props = props;
    }

    /** The report when the caller may see it; 404 otherwise. */
    public ProgressReport get(CurrentUser user, long id) {
        ScopeSql s = ReportAccess.readable(user, "r.division_path", "r.unit_id", "r.state");
        return named(jdbc.sql(SELECT + " where r.id = :id and " + s.condition()).param("id", id).params(s.params())
                .query(this::row).list()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The report without a caller check (commands check first). */
    Optional<ProgressReport> find(long id) {
        return named(jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::row).list()).stream()
                .findFirst();
    }

    /** The report of a unit on a task for a quarter, if written (no caller check). */
    public Optional<ProgressReport> find(long taskId, long unitId, Quarter q) {
        return named(jdbc.sql(SELECT + " where r.task_id = :t and r.unit_id = :u and r.year = :y and r.quarter = :q")
                .param("t", taskId).param("u", unitId).param("y", q.year()).param("q", q.quarter())
                .query(this::row).list()).stream().findFirst();
    }

    public List<ProgressReport> list(CurrentUser user, Filter f) {
        ScopeSql s = ReportAccess.readable(user, "r.division_path", "r.unit_id", "r.state");
        StringBuilder where = new StringBuilder(" where ").append(s.condition());
        Map<String, Object> params = new HashMap<>(s.params());
        if (f.planId() != null) {
            where.append(" and r.plan_id = :plan");
            params.put("plan", f.planId());
        }
        if (f.taskId() != null) {
            where.append(" and r.task_id = :task");
            params.put("task", f.taskId());
        }
        if (f.unitId() != null) {
            where.append(" and r.unit_id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.quarter() != null) {
            where.append(" and r.year = :year and r.quarter = :quarter");
            params.put("year", f.quarter().year());
            params.put("quarter", f.quarter().quarter());
        }
        if (f.states() != null && !f.states().isEmpty()) {
            where.append(" and r.state in (:states)");
            params.put("states", f.states().stream().map(Enum::name).toList());
        }
        return named(jdbc.sql(SELECT + where + " order by r.year desc, r.quarter desc, p.id, t.plan_id, t.sort_order,"
                + " t.id, r.unit_id limit 2000").params(params).query(this::row).list());
    }

    private List<ProgressReport> named(List<ProgressReport> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, String> names = units.names(rows.stream().map(ProgressReport::unitId).distinct().toList());
        List<ProgressReport> out = new ArrayList<>(rows.size());
        for (ProgressReport r : rows) {
            out.add(new ProgressReport(r.id(), r.planId(), r.planTitle(), r.taskId(), r.taskNumbering(),
                    r.taskTitle(), r.taskDeadline(), r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()),
                    r.divisionPath(), r.quarter(), r.progress(), r.body(), r.figures(), r.activityIds(), r.state(),
                    r.returnReason(), r.submittedAt(), r.reviewedAt(), r.version(), r.due()));
        }
        return out;
    }

    private ProgressReport row(ResultSet rs, int n) throws SQLException {
        Quarter q = new Quarter(rs.getInt("year"), rs.getInt("quarter"));
        return new ProgressReport(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_title"),
                rs.getLong("task_id"), rs.getString("task_numbering"), rs.getString("task_title"),
                rs.getObject("task_deadline", LocalDate.class), rs.getLong("unit_id"), null,
                rs.getString("division_path"), q, TaskProgress.valueOf(rs.getString("progress")),
                rs.getString("body"), figures(rs.getString("figures")), ids(rs.getArray("activity_ids")),
                ReportState.valueOf(rs.getString("state")), rs.getString("return_reason"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getInt("version"), props.quarterDue(q));
    }

    List<ReportFigure> figures(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, FIGURES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String figuresJson(List<ReportFigure> figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Long> ids(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(((Number) o).longValue());
        }
        return out;
    }
}
