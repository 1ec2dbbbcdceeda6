package org.kepu.activity.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.kepu.activity.ActivityFilter;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.Scope;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns an {@link ActivityFilter} plus the caller's scope into the list queries. */
@Component
public class ActivitySearch {

    private static final Map<String, String> SORT_COLUMNS = Map.of("startsAt", "a.starts_at", "title", "a.title",
            "division", "a.division_path", "participants", "(a.participants_onsite + a.participants_online)",
            "status", "a.status", "updatedAt", "a.updated_at");

    private final JdbcClient jdbc;
    private final DivisionService divisions;

    ActivitySearch(JdbcClient jdbc, DivisionService divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    public long count(ActivityFilter f, Scope scope, ZoneId zone) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, scope, zone, p);
        return jdbc.sql("select count(*) from activity a where " + where).paramSource(p).query(Long.class).single();
    }

    /**
     * One page of rows. The page's ids are chosen first (for the usual filters from an index alone: path, start,
     * id and status are in both activity indexes), then only those rows are read — instead of visiting the heap for
     * every row the filter and sort pass over.
     */
    public List<ActivityRow> page(ActivityFilter f, Scope scope, ZoneId zone) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, scope, zone, p);
        String order = orderBy(f);
        p.addValue("limit", f.size()).addValue("offset", (long) (f.page() - 1) * f.size());
        return jdbc.sql("select " + ActivityRow.COLUMNS + " from activity a where a.id in (select a.id from activity a"
                + " where " + where + " order by " + order + " limit :limit offset :offset) order by " + order)
                .paramSource(p).query(ActivityRow::map).list();
    }

    /** The ORDER BY expression (without the keywords) for the filter's sort, ties broken by id. */
    public String orderBy(ActivityFilter f) {
        String dir = "asc".equals(f.dir()) ? "asc" : "desc";
        return SORT_COLUMNS.get(f.sort()) + " " + dir + ", a.id " + dir;
    }

    /** The WHERE condition over {@code activity a} for the filter within the scope; binds into {@code p}. */
    public String where(ActivityFilter f, Scope scope, ZoneId zone, MapSqlParameterSource p) {
        ScopeSql s = ScopeSql.of(scope, "a.division_path", "a.organizer_unit_id");
        p.addValues(s.params());
        StringBuilder w = new StringBuilder(s.condition());
        if (f.periodStart() != null) {
            w.append(" and a.starts_at >= :periodStart");
            p.addValue("periodStart", f.periodStart().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.periodEndExclusive() != null) {
            w.append(" and a.starts_at < :periodEnd");
            p.addValue("periodEnd", f.periodEndExclusive().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.division() != null) {
            Division d = divisions.find(f.division()).orElse(null);
            if (d == null) {
                w.append(" and false");
            } else {
                w.append(" and ").append(ScopeSql.subtree("a.division_path", "fPath"));
                p.addValue("fPath", d.path()).addValue("fPathEnd", ScopeSql.subtreeEnd(d.path()));
            }
        }
        if (f.unit() != null) {
            w.append(" and a.organizer_unit_id = :fUnit");
            p.addValue("fUnit", f.unit());
        }
        if (f.theme() != null) {
            w.append(" and a.theme_code = :fTheme");
            p.addValue("fTheme", f.theme());
        }
        if (f.format() != null) {
            w.append(" and a.format_code = :fFormat");
            p.addValue("fFormat", f.format());
        }
        if (f.keyGroup() != null) {
            w.append(" and a.key_groups @> cast(:fKeyGroup as varchar[])");
            p.addValue("fKeyGroup", "{" + f.keyGroup().name() + "}");
        }
        if (f.counted()) {
            w.append(" and a.status in ('SUBMITTED', 'VERIFIED')");
        } else if (f.status() != null) {
            w.append(" and a.status = :fStatus");
            p.addValue("fStatus", f.status().name());
        }
        if (f.q() != null) {
            w.append(" and (a.title ilike :fQ or a.description ilike :fQ)");
            p.addValue("fQ", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return w.toString();
    }
}
