package org.kepu.activity.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Scope;
import org.kepu.shared.ScopeSql;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard figures over the activity ledger for the caller's scope: totals and breakdowns by key group,
 * theme, format, child division and month of one year. Counts activities whose status is SUBMITTED or VERIFIED
 * (drafts and returned records are not counted). Years and months are calendar periods in Asia/Shanghai.
 *
 * <p>Dashboards of a county or a larger area (division scopes) sum the summary rows of
 * {@code activity_month_summary} (V600, kept current by triggers, checked nightly by {@link ActivitySummaryCheck});
 * township and village dashboards and unit scopes aggregate over {@code activity} directly (one pass with
 * grouping sets, one over the key-group array). Both paths give the same figures (tested). See
 * docs/PERFORMANCE.md.
 */
@Service
@Transactional(readOnly = true)
public class ActivityStatsService {

    /** The time zone in which an activity's start falls into a year and a month. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The summary rows (V600) with the deltas not folded in yet (V602) added, as one row source for {@code from}:
     * exact at every moment.
     */
    public static final String SUMMARY_SOURCE = "(select area_level, area_path, month, dim, dim_key, activities, onsite,"
            + " online, materials, volunteers from activity_month_summary union all select area_level, area_path,"
            + " month, dim, dim_key, activities, onsite, online, materials, volunteers"
            + " from activity_month_summary_pending)";

    static final String COUNTED_STATUSES = "a.status in ('SUBMITTED', 'VERIFIED')";

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final MemberUnitService units;
    private final MessageSource messages;
    private volatile boolean summaryEnabled;

    ActivityStatsService(JdbcClient jdbc, DivisionService divisions, MemberUnitService units,
            MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${kepu.stats.use-summary:true}") boolean summary) {
        this.summaryEnabled = summary;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.units = units;
        this.messages = messages;
    }

    /**
     * The caller's dashboard for {@code year}, narrowed to the division {@code divisionCode} when given (it must
     * lie inside the caller's scope, else 404). Callers who see no records (platform admins) get 403.
     */
    public DashboardStats dashboard(int year, String divisionCode) {
        CurrentUser user = CurrentUsers.require();
        Scope scope = user.scope();
        if (scope.none()) {
            throw new ForbiddenException("error.forbidden");
        }
        if (year < 2000 || year > 2100) {
            throw new BadRequestException("stats.error.year");
        }
        Division area = resolveArea(scope, divisionCode);
        boolean narrowed = divisionCode != null && !divisionCode.isBlank();
        String linkDivision = area == null ? null : (narrowed || scope.unitId() == null ? area.code() : null);
        DrillDown drill = new DrillDown(year, linkDivision);

        boolean useSummary = summaryEnabled && scope.unitId() == null && area != null
                && area.path().split("/").length <= 3;
        Figures f = useSummary ? fromSummary(scope, area, year) : fromActivities(scope, narrowed ? area : null, area,
                year);
        Map<String, Map<String, long[]>> dims = f.dims();
        Map<String, long[]> byKeyGroup = f.keyGroups();

        long[] t = dims.getOrDefault("TOTAL", Map.of()).getOrDefault("", new long[5]);
        var totals = new StatTotals(t[0], t[1], t[2], t[3], t[4], drill.all());

        List<StatRow> keyGroupRows = new ArrayList<>();
        for (KeyGroup g : KeyGroup.values()) {
            long[] v = byKeyGroup.getOrDefault(g.name(), new long[2]);
            keyGroupRows.add(new StatRow(g.name(), msg("keyGroup." + g.name()), v[0], v[1],
                    drill.with("keyGroup", g.name())));
        }
        List<StatRow> themeRows = dictRows("ACTIVITY_THEME", dims.getOrDefault("THEME", Map.of()), drill, "theme");
        List<StatRow> formatRows = dictRows("ACTIVITY_FORMAT", dims.getOrDefault("FORMAT", Map.of()), drill,
                "format");

        Map<String, long[]> months = dims.getOrDefault("MONTH", Map.of());
        List<StatRow> monthRows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            long[] v = months.getOrDefault(Integer.toString(m), new long[5]);
            monthRows.add(new StatRow(Integer.toString(m), msg("stats.month", m), v[0], v[1] + v[2],
                    drill.with("month", Integer.toString(m))));
        }

        Map<String, long[]> children = new HashMap<>(dims.getOrDefault("CHILD", Map.of()));
        List<Division> childDivisions = area == null ? divisions.roots() : divisions.children(area.code());
        List<StatRow> childRows = new ArrayList<>();
        for (Division d : childDivisions) {
            long[] v = children.getOrDefault(d.code(), new long[5]);
            children.remove(d.code());
            childRows.add(new StatRow(d.code(), d.name(), v[0], v[1] + v[2], DrillDown.forDivision(year, d.code())));
        }
        long[] own = children.remove("");
        if (own != null && area != null) {
            childRows.add(new StatRow(area.code(), msg("stats.ownLevel", area.name()), own[0], own[1] + own[2],
                    drill.all()));
        }
        int childLevel = childDivisions.isEmpty() ? 0 : childDivisions.get(0).level();

        String areaName;
        if (scope.unitId() != null && !narrowed) {
            String unitName = units.find(scope.unitId()).map(u -> u.name()).orElse("");
            areaName = msg("stats.unitArea", unitName);
        } else {
            areaName = area == null ? msg("stats.allAreas") : area.name();
        }
        return new DashboardStats(year, area == null ? null : area.code(), areaName, trail(scope, area, year),
                childLevel, totals, keyGroupRows, themeRows, formatRows, childRows, monthRows);
    }

    /** Breakdown values: dims TOTAL/THEME/FORMAT/MONTH/CHILD → key → {n, onsite, online, materials, volunteers}. */
    private record Figures(Map<String, Map<String, long[]>> dims, Map<String, long[]> keyGroups) {
    }

    /** The figures aggregated directly over activity (small areas, unit scopes). */
    private Figures fromActivities(Scope scope, Division narrow, Division area, int year) {
        var where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        ScopeSql s = ScopeSql.of(scope, "a.division_path", "a.organizer_unit_id");
        where.append(s.condition());
        params.putAll(s.params());
        if (narrow != null) {
            where.append(" and (a.division_path = :areaPath or a.division_path like :areaPrefix)");
            params.put("areaPath", narrow.path());
            params.put("areaPrefix", ScopeSql.likePrefix(narrow.path()));
        }
        where.append(" and ").append(COUNTED_STATUSES).append(" and a.starts_at >= :from and a.starts_at < :to");
        params.put("from", startOfYear(year));
        params.put("to", startOfYear(year + 1));
        int childDepth = area == null ? 1 : area.path().split("/").length + 1;
        params.put("childDepth", childDepth);

        Map<String, Map<String, long[]>> dims = new HashMap<>();
        jdbc.sql("""
                select case when grouping(theme_code) = 0 then 'THEME' when grouping(format_code) = 0 then 'FORMAT'
                            when grouping(m) = 0 then 'MONTH' when grouping(child) = 0 then 'CHILD' else 'TOTAL' end dim,
                       coalesce(theme_code, format_code, m::text, child, '') k,
                       count(*) n, coalesce(sum(onsite), 0) onsite, coalesce(sum(online), 0) online,
                       coalesce(sum(materials), 0) materials, coalesce(sum(volunteers), 0) volunteers
                from (select a.theme_code, a.format_code,
                             extract(month from a.starts_at at time zone 'Asia/Shanghai')::int m,
                             split_part(a.division_path, '/', :childDepth) child,
                             a.participants_onsite onsite, a.participants_online online,
                             a.materials_count materials, a.volunteers_count volunteers
                      from activity a where %s) x
                group by grouping sets ((theme_code), (format_code), (m), (child), ())
                """.formatted(where)).params(params).query((rs, n) -> {
                    dims.computeIfAbsent(rs.getString("dim"), d -> new HashMap<>()).put(rs.getString("k"),
                            new long[] {rs.getLong("n"), rs.getLong("onsite"), rs.getLong("online"),
                                    rs.getLong("materials"), rs.getLong("volunteers")});
                    return null;
                }).list();
        Map<String, long[]> byKeyGroup = new HashMap<>();
        jdbc.sql("""
                select kg, count(*) n, coalesce(sum(a.participants_onsite + a.participants_online), 0) p
                from activity a cross join lateral unnest(a.key_groups) kg where %s group by kg
                """.formatted(where)).params(params).query((rs, n) -> byKeyGroup.put(rs.getString("kg"),
                        new long[] {rs.getLong("n"), rs.getLong("p")})).list();

        return new Figures(dims, byKeyGroup);
    }

    /**
     * The figures summed over activity_month_summary (V600) and its pending deltas (V602): level-3 rows (per county) for totals, themes,
     * formats, key groups and months; for the child breakdown the level-3 rows when the area is above county
     * level, else the level-4 rows (per township).
     */
    private Figures fromSummary(Scope scope, Division area, int year) {
        ScopeSql s = ScopeSql.of(scope, "s.area_path", null);
        Map<String, Object> params = new HashMap<>(s.params());
        params.put("areaPath", area.path());
        params.put("areaPrefix", ScopeSql.likePrefix(area.path()));
        params.put("fromMonth", LocalDate.of(year, 1, 1));
        params.put("toMonth", LocalDate.of(year + 1, 1, 1));
        int depth = area.path().split("/").length;
        params.put("childDepth", depth + 1);
        params.put("childLevel", depth <= 2 ? 3 : 4);
        String where = s.condition() + " and (s.area_path = :areaPath or s.area_path like :areaPrefix)"
                + " and s.month >= :fromMonth and s.month < :toMonth";
        Map<String, Map<String, long[]>> dims = new HashMap<>();
        Map<String, long[]> keyGroups = new HashMap<>();
        jdbc.sql("""
                select dim, dim_key k, sum(activities) n, sum(onsite) onsite, sum(online) online,
                       sum(materials) materials, sum(volunteers) volunteers
                from %2$s s where s.area_level = 3 and s.dim <> 'UNIT' and %1$s group by dim, dim_key
                union all
                select 'MONTH', extract(month from s.month)::int::text, sum(activities), sum(onsite), sum(online),
                       sum(materials), sum(volunteers)
                from %2$s s where s.area_level = 3 and s.dim = 'TOTAL' and %1$s group by 2
                union all
                select 'CHILD', split_part(s.area_path, '/', :childDepth), sum(activities), sum(onsite), sum(online),
                       sum(materials), sum(volunteers)
                from %2$s s where s.area_level = :childLevel and s.dim = 'TOTAL' and %1$s group by 2
                """.formatted(where, SUMMARY_SOURCE)).params(params).query((rs, n) -> {
                    long[] v = {rs.getLong("n"), rs.getLong("onsite"), rs.getLong("online"), rs.getLong("materials"),
                        rs.getLong("volunteers")};
                    if (v[0] == 0) {
                        return null;
                    }
                    String dim = rs.getString("dim");
                    if (dim.equals("KEY_GROUP")) {
                        keyGroups.put(rs.getString("k"), new long[] {v[0], v[1] + v[2]});
                    } else {
                        dims.computeIfAbsent(dim, d -> new HashMap<>()).put(rs.getString("k"), v);
                    }
                    return null;
                }).list();
        return new Figures(dims, keyGroups);
    }

    /** The division the figures are about: the narrowing division if given, else the top of the scope. */
    private Division resolveArea(Scope scope, String divisionCode) {
        if (divisionCode != null && !divisionCode.isBlank()) {
            if (!divisionCode.matches("[0-9]{2,12}")) {
                throw new NotFoundException("error.notFound");
            }
            Division d = divisions.find(divisionCode).orElseThrow(() -> new NotFoundException("error.notFound"));
            if (scope.divisionPath() != null && !scope.coversPath(d.path())) {
                throw new NotFoundException("error.notFound");
            }
            return d;
        }
        if (scope.divisionPath() == null) {
            return null;
        }
        String path = scope.divisionPath();
        return divisions.find(path.substring(path.lastIndexOf('/') + 1)).orElse(null);
    }

    private List<DashboardStats.AreaLink> trail(Scope scope, Division area, int year) {
        if (area == null) {
            return List.of();
        }
        List<DashboardStats.AreaLink> trail = new ArrayList<>();
        for (Division d : divisions.ancestry(area.code())) {
            if (scope.divisionPath() == null || scope.coversPath(d.path())) {
                trail.add(new DashboardStats.AreaLink(d.code(), d.name(), DrillDown.dashboard(year, d.code())));
            }
        }
        return trail;
    }

    private List<StatRow> dictRows(String dict, Map<String, long[]> values, DrillDown drill, String param) {
        Map<String, String> labels = new LinkedHashMap<>();
        jdbc.sql("select code, label, active from dict_item where dict = :dict order by sort_order, code")
                .param("dict", dict).query((rs, n) -> {
                    if (rs.getBoolean("active") || values.containsKey(rs.getString("code"))) {
                        labels.put(rs.getString("code"), rs.getString("label"));
                    }
                    return null;
                }).list();
        for (String code : values.keySet()) {
            labels.putIfAbsent(code, code);
        }
        List<StatRow> rows = new ArrayList<>();
        labels.forEach((code, label) -> {
            long[] v = values.getOrDefault(code, new long[5]);
            rows.add(new StatRow(code, label, v[0], v[1] + v[2], drill.with(param, code)));
        });
        return rows;
    }

    /** Tests: switch the summary path off to compare it with the direct aggregates. */
    void useSummary(boolean enabled) {
        this.summaryEnabled = enabled;
    }

    static OffsetDateTime startOfYear(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toOffsetDateTime();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
