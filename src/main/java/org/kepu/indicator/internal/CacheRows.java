package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kepu.indicator.AggregateRow;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.TimeGrain;
import org.kepu.shared.db.PlanMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes and derives rows of the value cache (table indicator_value). Callers hold the transaction. */
@Component
class CacheRows {

    private static final String INSERT = """
            insert into indicator_value (element_id, level, period_start, period_end, area_path, value)
            select t.e, ?, t.s, t.x, t.a, t.v
            from unnest(?::bigint[], ?::text[]::date[], ?::text[]::date[], ?::text[], ?::text[]::numeric[])
                 as t(e, s, x, a, v)
            """;
    private static final int CHUNK = 20_000;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final org.kepu.region.DivisionService divisions;

    CacheRows(JdbcTemplate template, JdbcClient jdbc, org.kepu.region.DivisionService divisions) {
        this.template = template;
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    /** Inserts the non-zero values of {@code rows} (grouped by township and {@code grain}) as level-4 rows. */
    int insertTownshipRows(List<DataElement> els, List<AggregateRow> rows, TimeGrain grain) {
        List<Object[]> buffer = new ArrayList<>();
        int written = 0;
        for (AggregateRow r : rows) {
            LocalDate end = end(r.periodStart(), grain);
            for (int i = 0; i < els.size(); i++) {
                BigDecimal v = r.values().get(i);
                if (v != null && v.signum() != 0) {
                    buffer.add(new Object[] {els.get(i).id(), r.periodStart().toString(), end.toString(), r.area(),
                        v.toPlainString()});
                    if (buffer.size() >= CHUNK) {
                        written += flush(buffer);
                    }
                }
            }
        }
        return written + flush(buffer);
    }

    private int flush(List<Object[]> buffer) {
        if (buffer.isEmpty()) {
            return 0;
        }
        int n = buffer.size();
        Long[] e = new Long[n];
        String[] s = new String[n];
        String[] x = new String[n];
        String[] a = new String[n];
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            Object[] row = buffer.get(i);
            e[i] = (Long) row[0];
            s[i] = (String) row[1];
            x[i] = (String) row[2];
            a[i] = (String) row[3];
            v[i] = (String) row[4];
        }
        // A generic plan for this statement only (the connections' own setting is restored after it): with the pool's forced custom plans, the 20,000-value arrays would
        // be inlined as constants and planned each time (the same cost the Excel import had, see LedgerWriter).
        PlanMode.genericInTransaction(jdbc);
        template.update(INSERT, ps -> {
            Connection c = ps.getConnection();
            ps.setInt(1, 4);
            ps.setArray(2, c.createArrayOf("bigint", e));
            ps.setArray(3, c.createArrayOf("text", s));
            ps.setArray(4, c.createArrayOf("text", x));
            ps.setArray(5, c.createArrayOf("text", a));
            ps.setArray(6, c.createArrayOf("text", v));
        });
        PlanMode.customInTransaction(jdbc);
        buffer.clear();
        return n;
    }

    /**
     * Adds level-4 quarter and year rows as sums of the month rows (for aggregates that add up over time) of the
     * given elements; restricted to {@code areas} and the years from {@code fromYear} when they are not null.
     */
    void deriveQuartersAndYears(List<DataElement> els, List<String> areas, LocalDate from, LocalDate to) {
        for (String grain : new String[] {"quarter", "year"}) {
            String step = grain.equals("quarter") ? "3 months" : "1 year";
            jdbc.sql("""
                    insert into indicator_value (element_id, level, period_start, period_end, area_path, value)
                    select element_id, 4, date_trunc('%1$s', period_start)::date,
                           (date_trunc('%1$s', period_start) + interval '%2$s')::date, area_path, sum(value)
                    from indicator_value
                    where level = 4 and element_id in (:ids) and period_end = (period_start + interval '1 month')::date
                      and period_start >= :from and period_start < :to %3$s
                    group by 1, 3, 4, 5 having sum(value) <> 0
                    """.formatted(grain, step, areas == null ? "" : "and area_path in (:areas)"))
                    .params(params(els, areas, from, to)).update();
        }
    }

    /**
     * Replaces the level-3 rows of the given counties (all when null) in [from, to) by the sums of their level-4
     * rows.
     */
    void rollUpCounties(List<DataElement> els, List<String> counties, LocalDate from, LocalDate to) {
        String only = counties == null ? "" : "and area_path in (:areas)";
        jdbc.sql("delete from indicator_value where level = 3 and element_id in (:ids) and period_start >= :from"
                + " and period_start < :to " + only).params(params(els, counties, from, to)).update();
        String under = "";
        var p = params(els, counties, from, to);
        if (counties != null) {
            // the level-4 areas of these counties, by exact path (index lookups, not a prefix range over every row)
            List<String> areas = new ArrayList<>();
            for (String c : counties) {
                areas.add(c);
                if (org.kepu.indicator.LedgerSql.depth(c) == 3) {
                    for (var t : divisions.children(c.substring(c.lastIndexOf('/') + 1))) {
                        areas.add(t.path());
                    }
                }
            }
            under = "and area_path in (:under) and indicator_cut(area_path, 3) in (:areas)";
            p.put("under", areas);
        }
        jdbc.sql("""
                insert into indicator_value (element_id, level, period_start, period_end, area_path, value)
                select element_id, 3, period_start, period_end, indicator_cut(area_path, 3), sum(value)
                from indicator_value
                where level = 4 and element_id in (:ids) and period_start >= :from and period_start < :to %s
                group by 1, 3, 4, 5 having sum(value) <> 0
                """.formatted(under)).params(p).update();
    }

    /** Deletes the level-4 rows of the elements for the given areas (all when null) in [from, to). */
    void deleteTownshipRows(List<DataElement> els, List<String> areas, LocalDate from, LocalDate to) {
        jdbc.sql("delete from indicator_value where level = 4 and element_id in (:ids) and period_start >= :from"
                + " and period_start < :to" + (areas == null ? "" : " and area_path in (:areas)"))
                .params(params(els, areas, from, to)).update();
    }

    /** Deletes every row of the elements, on-demand rows included. */
    void deleteAll(List<DataElement> els) {
        jdbc.sql("delete from indicator_value where element_id in (:ids)")
                .param("ids", els.stream().map(DataElement::id).toList()).update();
    }

    /** Deletes the on-demand rows of the source's elements computed before {@code epoch}. */
    void deleteOutdatedOnDemand(String source, long epoch) {
        jdbc.sql("""
                delete from indicator_value where level = 0 and epoch < :epoch
                  and element_id in (select id from indicator_data_element where source = :source)
                """).param("epoch", epoch).param("source", source).update();
    }

    private static java.util.Map<String, Object> params(List<DataElement> els, List<String> areas, LocalDate from,
            LocalDate to) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("ids", els.stream().map(DataElement::id).toList());
        p.put("from", from);
        p.put("to", to);
        if (areas != null) {
            p.put("areas", areas);
        }
        return p;
    }

    static LocalDate end(LocalDate start, TimeGrain grain) {
        return switch (grain) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
            case NONE -> throw new IllegalArgumentException("no period");
        };
    }
}
