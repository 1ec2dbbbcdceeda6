package org.kepu.activity.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.kepu.activity.ActivityFilter;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.Scope;
import org.kepu.shared.ScopeSql;
import org.kepu.shared.db.PlanMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns an {@link ActivityFilter} plus the caller's scope into the list queries. */
@Component
public class ActivitySearch {

    private static final Map<String, String> SORT_COLUMNS = Map.of("startsAt", "a.starts_at", "title", "a.title",
            "division", "a.division_path", "participants", "(a.participants_onsite + a.participants_online)",
            "status", "a.status", "updatedAt", "a.updated_at");

    /** The zone in which activity_status_count groups records into months (V604). */
    static final ZoneId COUNT_ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final boolean useCounts;

    ActivitySearch(JdbcClient jdbc, DivisionService divisions,
            @Value("${kepu.stats.use-summary:true}") boolean useCounts) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.useCounts = useCounts;
    }

    /**
     * How many records the filter finds within the scope. The usual list (a division subtree down to a township,
     * whole months, at most a status filter) is counted from {@code activity_status_count} and its pending deltas;
     * every other filter counts the ledger itself. Both give the same number (ActivityListCountTest).
     */
    public long count(ActivityFilter f, Scope scope, ZoneId zone) {
        return count(f, scope, zone, place(f));
    }

    private long count(ActivityFilter f, Scope scope, ZoneId zone, Place place) {
        if (useCounts) {
            Long counted = countFromStatusCounts(f, scope, zone, place);
            if (counted != null) {
                return counted;
            }
        }
        return countFromLedger(f, scope, zone, place);
    }

    /** The count over the ledger rows, for any filter. */
    public long countFromLedger(ActivityFilter f, Scope scope, ZoneId zone) {
        return countFromLedger(f, scope, zone, place(f));
    }

    private long countFromLedger(ActivityFilter f, Scope scope, ZoneId zone, Place place) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, scope, zone, p, place);
        return jdbc.sql("select count(*) from activity a where " + where).paramSource(p).query(Long.class).single();
    }

    /** The list as the page shows it: the filter's total within the scope and its page of rows. */
    public record Listing(long total, List<ActivityListRow> rows) {
    }

    /**
     * The filter's total and page within the scope, in one read-only transaction of the caller's: the filter's
     * division is looked up once, and plans are reused where that is safe ({@link #reusePlansWhenStable}).
     */
    public Listing list(ActivityFilter f, Scope scope, ZoneId zone) {
        Place place = place(f);
        reusePlansWhenStable(f, scope, place);
        long total = count(f, scope, zone, place);
        return new Listing(total, page(f, scope, zone, ActivityListRow.COLUMNS, ActivityListRow::map, place));
    }

    /** As {@link #list}, without the total: for short "latest …" lists. */
    public List<ActivityListRow> listRows(ActivityFilter f, Scope scope, ZoneId zone) {
        Place place = place(f);
        reusePlansWhenStable(f, scope, place);
        return page(f, scope, zone, ActivityListRow.COLUMNS, ActivityListRow::map, place);
    }

    /**
     * The filter's division, looked up once per list: {@code filtered} is false without a division filter;
     * {@code division} is null when the filter names no existing division.
     */
    private record Place(boolean filtered, Division division) {
    }

    private Place place(ActivityFilter f) {
        return f.division() == null ? new Place(false, null)
                : new Place(true, divisions.find(f.division()).orElse(null));
    }

    /**
     * The count from the per-month status counts, or {@code null} when the filter needs the ledger: a unit scope
     * or unit filter, a theme, format, key group or text filter, a period that does not start and end on a month
     * boundary, or a division below township level.
     */
    Long countFromStatusCounts(ActivityFilter f, Scope scope, ZoneId zone) {
        return countFromStatusCounts(f, scope, zone, place(f));
    }

    private Long countFromStatusCounts(ActivityFilter f, Scope scope, ZoneId zone, Place place) {
        if (scope.none() || scope.unitId() != null || f.unit() != null || f.theme() != null || f.format() != null
                || f.keyGroup() != null || f.q() != null || !COUNT_ZONE.equals(zone)) {
            return null;
        }
        LocalDate start = f.periodStart();
        LocalDate end = f.periodEndExclusive();
        if ((start != null && start.getDayOfMonth() != 1) || (end != null && end.getDayOfMonth() != 1)) {
            return null;
        }
        String path = scope.divisionPath();
        if (place.filtered()) {
            Division d = place.division();
            if (d == null) {
                return 0L;
            }
            if (scope.coversPath(d.path())) {
                path = d.path();
            } else if (!Scope.division(d.path()).coversPath(path)) {
                return 0L; // the filter's division lies outside the scope
            }
        }
        int depth = depth(path);
        if (depth > 4) {
            return null;
        }
        // level and path are written into the SQL, not bound, so that a reused plan is one for this area
        // (reusePlansWhenStable)
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder w = new StringBuilder("area_level = ").append(depth <= 3 ? 3 : 4);
        if (path != null) {
            w.append(" and area_path >= ").append(ScopeSql.literal(path)).append(" and area_path < ")
                    .append(ScopeSql.literal(ScopeSql.subtreeEnd(path)));
        }
        if (start != null) {
            w.append(" and month >= :start");
            p.addValue("start", start);
        }
        if (end != null) {
            w.append(" and month < :end");
            p.addValue("end", end);
        }
        if (f.counted()) {
            w.append(" and status in ('SUBMITTED', 'VERIFIED')");
        } else if (f.status() != null) {
            w.append(" and status = :status");
            p.addValue("status", f.status().name());
        }
        return jdbc.sql("select coalesce(sum(activities), 0) from (select activities from activity_status_count"
                + " where " + w + " union all select activities from activity_status_count_delta where " + w + ") c")
                .paramSource(p).query(Long.class).single();
    }

    /**
     * Lets PostgreSQL reuse the plans of this transaction's list queries ({@link #count} and {@link #listPage}) when
     * the filter has the one shape for which a reused plan is right whatever the bound values: a county's records
     * (the scope or the division filter is a county), newest or oldest first, filtered at most by period and
     * status. Their plan is a scan of {@code activity_county_start_idx} for the county, which reads the page's
     * entries in order and stops; the count reads the county's status count rows. Both plans depend only on the
     * county, and the county is written into the SQL ({@link ScopeSql#subtreeLiteral}), so each county gets plans of
     * its own. Planning these two queries afresh cost 0.65 ms of the 1.1 ms PostgreSQL spent on a list request
     * (docs/PERFORMANCE.md).
     *
     * <p>Every other shape keeps the pool's {@code force_custom_plan}: a plan made without the values can be far off.
     * For example, a county filtered by theme was read through a bitmap over the county's year (0.9 s), and a
     * township's list scanned the province's time index backwards for the township's records (95–142 ms cold; a fresh
     * plan did the same at 11–48 ms until township pages were read by area, see {@link #withinTownship}).
     *
     * <p>Runs {@code set local}: {@link #list} and {@link #listRows} call it inside the caller's transaction,
     * before their queries.
     */
    void reusePlansWhenStable(ActivityFilter f, Scope scope) {
        reusePlansWhenStable(f, scope, place(f));
    }

    private void reusePlansWhenStable(ActivityFilter f, Scope scope, Place place) {
        if (plansStable(f, scope, place)) {
            PlanMode.reuseInTransaction(jdbc);
        }
    }

    /** Whether the list's plans may be reused (see {@link #reusePlansWhenStable}). */
    boolean plansStable(ActivityFilter f, Scope scope) {
        return plansStable(f, scope, place(f));
    }

    private boolean plansStable(ActivityFilter f, Scope scope, Place place) {
        if (!"startsAt".equals(f.sort()) || f.unit() != null || f.theme() != null || f.format() != null
                || f.keyGroup() != null || f.q() != null) {
            return false;
        }
        if (!place.filtered()) {
            return countyOfScope(scope) != null;
        }
        // a county chosen in the filter, by a user whose scope is a division subtree (a county, city or province)
        return !scope.none() && scope.unitId() == null && place.division() != null
                && isCounty(place.division().path());
    }

    /** The scope's county path when the scope is one county's subtree, else {@code null}. */
    private static String countyOfScope(Scope scope) {
        return scope.unitId() == null && !scope.none() && isCounty(scope.divisionPath()) ? scope.divisionPath() : null;
    }

    /** The number of segments of a division path (0 for none): 3 for a county, 4 for a township. */
    private static int depth(String path) {
        return path == null ? 0 : (int) path.chars().filter(c -> c == '/').count() + 1;
    }

    /** A path of exactly three segments (a county, or a city district at county level). */
    private static boolean isCounty(String path) {
        return depth(path) == 3;
    }

    /**
     * One page of rows. The page's ids are chosen first (for the usual filters from an index alone: path, start,
     * id and status are in both activity indexes), then only those rows are read — instead of visiting the heap for
     * every row the filter and sort pass over.
     */
    public List<ActivityRow> page(ActivityFilter f, Scope scope, ZoneId zone) {
        return page(f, scope, zone, ActivityRow.COLUMNS, ActivityRow::map, place(f));
    }

    /** One page of the columns a list shows (no description, no workflow details), as {@link #page}. */
    public List<ActivityListRow> listPage(ActivityFilter f, Scope scope, ZoneId zone) {
        return page(f, scope, zone, ActivityListRow.COLUMNS, ActivityListRow::map, place(f));
    }

    private <T> List<T> page(ActivityFilter f, Scope scope, ZoneId zone, String columns, RowMapper<T> mapper,
            Place place) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        boolean inIndexOrder = readsInIndexOrder(f, scope, place);
        String where = where(f, scope, zone, p, place, inIndexOrder);
        String order = orderBy(f);
        // limit and offset written as numbers, not bound: a reused plan assumes a bound LIMIT keeps 10 % of the
        // rows, and for a large scope that chose a hash join over the whole ledger for a 50-row page (1.4 s)
        long offset = (long) (f.page() - 1) * f.size();
        String limit = " limit " + f.size() + " offset " + offset;
        if (inIndexOrder) {
            // the page's rows straight from activity_county_start_idx in order: see readsInIndexOrder
            return jdbc.sql("select " + columns + " from activity a where " + where + " order by " + order + limit)
                    .paramSource(p).query(mapper).list();
        }
        if (withinTownship(scope, place)) {
            // the area's records first, then the page among them: see withinTownship
            String dir = "asc".equals(f.dir()) ? "asc" : "desc";
            return jdbc.sql("with area as materialized (select a.id, " + SORT_COLUMNS.get(f.sort())
                    + " as sort_key from activity a where " + where + ") select " + columns
                    + " from activity a where a.id in (select id from area order by sort_key " + dir + ", id " + dir
                    + limit + ") order by " + order).paramSource(p).query(mapper).list();
        }
        return jdbc.sql("select " + columns + " from activity a where a.id in (select a.id from activity a"
                + " where " + where + " order by " + order + limit + ") order by " + order).paramSource(p)
                .query(mapper).list();
    }

    /** How many pages from the first a county's list reads in index order ({@link #readsInIndexOrder}). */
    static final int PAGES_IN_INDEX_ORDER = 5;

    /**
     * Whether the page is read with its rows in one pass over {@code activity_county_start_idx}: a county's list in
     * time order without a status filter (the plan-stable shape of {@link #reusePlansWhenStable}, less its status
     * filters), one of its first {@value #PAGES_IN_INDEX_ORDER} pages. Every record the scan passes belongs to the
     * page (the county and the period are the index's own conditions), so it reads 50 rows and stops: about 60
     * buffers on the province data, against about 210 for choosing the ids first from the index alone and then
     * reading the rows by primary key (three index levels and the row each), and 0.1 ms instead of 0.3 ms
     * (docs/PERFORMANCE.md). Not for a status filter (the scan would read and drop every record of another status)
     * nor for later pages (it would read every row it skips); those choose their ids first.
     */
    boolean readsInIndexOrder(ActivityFilter f, Scope scope) {
        return readsInIndexOrder(f, scope, place(f));
    }

    private boolean readsInIndexOrder(ActivityFilter f, Scope scope, Place place) {
        return f.status() == null && !f.counted() && f.page() <= PAGES_IN_INDEX_ORDER
                && !withinTownship(scope, place) && plansStable(f, scope, place);
    }

    /**
     * Whether the list covers at most one township: the scope is a township or village, or the filter names one
     * within the scope. Such a page is chosen among the area's records, which are read first (a materialised CTE)
     * through the path index: a few hundred to a few thousand index entries, then a sort. Left to itself, PostgreSQL
     * may instead scan the whole ledger's time index backwards and keep the area's records until it has a page. That
     * is cheap while the area is a large share of the ledger (one county's database) and very dear when it is not:
     * at province scale the planner estimates a township's share at about 9,800 of 1,000,000 records instead of
     * about 500 (the path histogram is too coarse for 2,000 townships), and the backward scan read 117,000 index
     * entries for one township's page (11–144 ms, against 0.1–1.4 ms this way; docs/PERFORMANCE.md).
     */
    boolean withinTownship(ActivityFilter f, Scope scope) {
        return withinTownship(scope, place(f));
    }

    private static boolean withinTownship(Scope scope, Place place) {
        if (scope.none()) {
            return false;
        }
        if (scope.unitId() == null && depth(scope.divisionPath()) >= 4) {
            return true;
        }
        return place.filtered() && place.division() != null && depth(place.division().path()) >= 4;
    }

    /**
     * The start of {@code day} in {@code zone} for the SQL: a timestamp literal (an instant in ISO form: digits, '-',
     * ':', 'T', '.', 'Z' only) when {@code literal}, else the named parameter, bound into {@code p}.
     */
    private static String period(LocalDate day, ZoneId zone, String name, boolean literal, MapSqlParameterSource p) {
        OffsetDateTime t = day.atStartOfDay(zone).toOffsetDateTime();
        if (literal) {
            return "timestamptz '" + t.toInstant() + "'";
        }
        p.addValue(name, t);
        return ":" + name;
    }

    /** The ORDER BY expression (without the keywords) for the filter's sort, ties broken by id. */
    public String orderBy(ActivityFilter f) {
        String dir = "asc".equals(f.dir()) ? "asc" : "desc";
        return SORT_COLUMNS.get(f.sort()) + " " + dir + ", a.id " + dir;
    }

    /**
     * The record's path cut to its first three segments (its county; V604's {@code activity_county_of}, the first
     * column of activity_county_start_idx, V605). Equal to a county's path exactly for the records in the county's
     * subtree.
     */
    static final String COUNTY_OF_RECORD = "activity_county_of(a.division_path)";

    /** The WHERE condition over {@code activity a} for the filter within the scope; binds into {@code p}. */
    public String where(ActivityFilter f, Scope scope, ZoneId zone, MapSqlParameterSource p) {
        return where(f, scope, zone, p, place(f));
    }

    private String where(ActivityFilter f, Scope scope, ZoneId zone, MapSqlParameterSource p, Place place) {
        return where(f, scope, zone, p, place, false);
    }

    /**
     * As above; with {@code literalPeriod} the period's bounds are written into the SQL as timestamps instead of
     * bound, so that a reused plan knows how much of the county's year they hold ({@link #readsInIndexOrder}).
     */
    private String where(ActivityFilter f, Scope scope, ZoneId zone, MapSqlParameterSource p, Place place,
            boolean literalPeriod) {
        // Division paths are written into the SQL as literals, everything else is bound: see reusePlansWhenStable.
        ScopeSql s = ScopeSql.ofLiteral(scope, "a.division_path", "a.organizer_unit_id");
        p.addValues(s.params());
        StringBuilder w = new StringBuilder();
        if (countyOfScope(scope) != null && !withinTownship(scope, place)) {
            // A county's scope as "the record's county is this county": the same records as the scope's subtree
            // range (a path lies in the county's subtree exactly when its first three segments are the county's),
            // and the first column of activity_county_start_idx, so the county's newest records are read in order.
            // It replaces the range rather than being added to it: with both, PostgreSQL multiplied their
            // selectivities and expected 229 of the county's 10,000 records of a year, and for a page past the
            // first it chose a bitmap over the whole year and a sort (25 ms) instead of the index in order
            // (0.2 ms). For a township filter the township's own range is narrower, see withinTownship.
            w.append(COUNTY_OF_RECORD).append(" = ").append(ScopeSql.literal(scope.divisionPath()));
        } else {
            w.append(s.condition());
        }
        if (f.periodStart() != null) {
            w.append(" and a.starts_at >= ").append(period(f.periodStart(), zone, "periodStart", literalPeriod, p));
        }
        if (f.periodEndExclusive() != null) {
            w.append(" and a.starts_at < ").append(period(f.periodEndExclusive(), zone, "periodEnd", literalPeriod, p));
        }
        if (place.filtered()) {
            Division d = place.division();
            if (d == null) {
                w.append(" and false");
            } else {
                // a county chosen in the filter as the county's records (instead of its subtree range, for the
                // reason given for a county's scope above)
                w.append(" and ").append(isCounty(d.path())
                        ? COUNTY_OF_RECORD + " = " + ScopeSql.literal(d.path())
                        : ScopeSql.subtreeLiteral("a.division_path", d.path()));
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
