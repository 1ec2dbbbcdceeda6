package org.kepu.indicator.internal;

import org.kepu.shared.db.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.indicator.TargetComparator;
import org.kepu.shared.ConflictException;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of table indicator_target. */
@Repository
public class TargetStore {

    /** A stored target (division names are looked up by the service). */
    public record Row(long id, long indicatorId, String indicatorCode, String indicatorName, int decimals,
            String divisionCode, String divisionPath, LocalDate startDate, BigDecimal baseline, LocalDate deadline,
            TargetComparator comparator, BigDecimal targetValue, String sourceNote, int version) {
    }

    static final String SELECT = """
            select t.id, t.indicator_id, i.code indicator_code, i.name indicator_name, i.decimals, t.division_code,
                   t.division_path, t.start_date, t.baseline, t.deadline, t.comparator, t.target_value,
                   t.source_note, t.version
            from indicator_target t join indicator i on i.id = t.indicator_id
            """;

    private final JdbcClient jdbc;

    TargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(Rows.of(Row.class)).optional();
    }

    /** Targets whose division lies in the scope condition, optionally of one indicator and one subtree. */
    public List<Row> list(ScopeSql scope, Long indicatorId, String subtreePath) {
        StringBuilder w = new StringBuilder(" where ").append(scope.condition());
        Map<String, Object> p = new java.util.HashMap<>(scope.params());
        if (indicatorId != null) {
            w.append(" and t.indicator_id = :ind");
            p.put("ind", indicatorId);
        }
        if (subtreePath != null) {
            w.append(" and (t.division_path = :sub or t.division_path like :subPrefix)");
            p.put("sub", subtreePath);
            p.put("subPrefix", ScopeSql.likePrefix(subtreePath));
        }
        return jdbc.sql(SELECT + w + " order by t.deadline, i.sort_order, i.code, t.division_path").params(p)
                .query(Rows.of(Row.class)).list();
    }

    /**
     * The target that applies to the indicator at exactly this division for a year: the earliest deadline in that
     * year, or else the earliest after it.
     */
    public Optional<Row> applicable(long indicatorId, String divisionCode, int year) {
        return jdbc.sql(SELECT + """
                 where t.indicator_id = :ind and t.division_code = :code and t.deadline >= :from
                 order by (t.deadline < :next) desc, t.deadline, t.id limit 1
                """).param("ind", indicatorId).param("code", divisionCode).param("from", LocalDate.of(year, 1, 1))
                .param("next", LocalDate.of(year + 1, 1, 1)).query(Rows.of(Row.class)).optional();
    }

    /** As {@link #applicable} for many indicators at once: indicator id → target. */
    public Map<Long, Row> applicable(String divisionCode, int year) {
        Map<Long, Row> out = new java.util.HashMap<>();
        jdbc.sql(SELECT + """
                 where t.division_code = :code and t.deadline >= :from
                 order by t.indicator_id, (t.deadline < :next) desc, t.deadline, t.id
                """).param("code", divisionCode).param("from", LocalDate.of(year, 1, 1))
                .param("next", LocalDate.of(year + 1, 1, 1)).query(Rows.of(Row.class)).list()
                .forEach(r -> out.putIfAbsent(r.indicatorId(), r));
        return out;
    }

    /**
     * As {@link #applicable(long, String, int)} for one indicator at many divisions at once: division code → target
     * (divisions without one are missing).
     */
    public Map<String, Row> applicableAt(long indicatorId, java.util.Collection<String> divisionCodes, int year) {
        Map<String, Row> out = new java.util.HashMap<>();
        if (divisionCodes.isEmpty()) {
            return out;
        }
        jdbc.sql(SELECT + """
                 where t.indicator_id = :ind and t.division_code in (:codes) and t.deadline >= :from
                 order by t.division_code, (t.deadline < :next) desc, t.deadline, t.id
                """).param("ind", indicatorId).param("codes", List.copyOf(divisionCodes))
                .param("from", LocalDate.of(year, 1, 1)).param("next", LocalDate.of(year + 1, 1, 1))
                .query(Rows.of(Row.class)).list().forEach(r -> out.putIfAbsent(r.divisionCode(), r));
        return out;
    }

    public long insert(long indicatorId, String divisionCode, String divisionPath, LocalDate start,
            BigDecimal baseline, LocalDate deadline, TargetComparator comparator, BigDecimal value, String note,
            Long createdBy) {
        return jdbc.sql("""
                insert into indicator_target (indicator_id, division_code, division_path, start_date, baseline,
                                              deadline, comparator, target_value, source_note, created_by)
                values (:ind, :code, :path, :start, :baseline, :deadline, :comparator, :value, :note, :by)
                returning id
                """).param("ind", indicatorId).param("code", divisionCode).param("path", divisionPath)
                .param("start", start).param("baseline", baseline).param("deadline", deadline)
                .param("comparator", comparator.name()).param("value", value).param("note", note)
                .param("by", createdBy).query(Long.class).single();
    }

    public void update(long id, int version, long indicatorId, String divisionCode, String divisionPath,
            LocalDate start, BigDecimal baseline, LocalDate deadline, TargetComparator comparator, BigDecimal value,
            String note) {
        int n = jdbc.sql("""
                update indicator_target set indicator_id = :ind, division_code = :code, division_path = :path,
                    start_date = :start, baseline = :baseline, deadline = :deadline, comparator = :comparator,
                    target_value = :value, source_note = :note, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("ind", indicatorId).param("code", divisionCode).param("path", divisionPath)
                .param("start", start).param("baseline", baseline).param("deadline", deadline)
                .param("comparator", comparator.name()).param("value", value).param("note", note).param("id", id)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
    }

    public void delete(long id, int version) {
        int n = jdbc.sql("delete from indicator_target where id = :id and version = :version").param("id", id)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
    }
}
