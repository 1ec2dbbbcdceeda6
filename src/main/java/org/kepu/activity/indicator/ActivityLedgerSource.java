package org.kepu.activity.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kepu.activity.ActivityDictionary;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.ActivityStatus;
import org.kepu.indicator.AggregateQuery;
import org.kepu.indicator.AggregateRow;
import org.kepu.indicator.Aggregation;
import org.kepu.indicator.Additivity;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.FilterDimension;
import org.kepu.indicator.FilterDimension.FilterOption;
import org.kepu.indicator.LedgerSource;
import org.kepu.indicator.LedgerSql;
import org.kepu.indicator.MeasureOption;
import org.kepu.organization.MemberUnitService;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.Period;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity ledger as the indicator source {@value #CODE}: counts, sums of participants, materials and
 * volunteers, and distinct villages, townships and organising units reached, filtered by status (default: counted
 * = SUBMITTED or VERIFIED, the dashboard's rule), theme, format, key group and organising unit. Activities fall
 * into periods by {@code starts_at} in Asia/Shanghai. The drill-down is the activity list with the same filters.
 *
 * <p>Changes reach the value cache through the statement-level triggers of migration V810, which report the old and
 * new (place, time) of every inserted, deleted or updated activity whose status, place, time, theme, format, key
 * groups, organiser or figures changed — saves, workflow steps, deletes and Excel imports alike. A new filter on
 * another column must be added to that trigger's column list.
 */
@Component
class ActivityLedgerSource implements LedgerSource {

    static final String CODE = "activity";
    static final String COUNTED = ActivityFilter.COUNTED;
    static final String ALL = "ALL";

    private static final Map<String, String> SUMS = Map.of(
            "participants_total", "a.participants_onsite + a.participants_online",
            "participants_onsite", "a.participants_onsite",
            "participants_online", "a.participants_online",
            "materials", "a.materials_count",
            "volunteers", "a.volunteers_count");

    private final JdbcClient jdbc;
    private final ActivityDictionary dictionary;
    private final MemberUnitService units;
    private final MessageSource messages;

    ActivityLedgerSource(JdbcClient jdbc, ActivityDictionary dictionary, MemberUnitService units,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.dictionary = dictionary;
        this.units = units;
        this.messages = messages;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return msg("indicator.source.activity");
    }

    @Override
    public List<MeasureOption> measures() {
        String p = "indicator.source.activity.measure.";
        return List.of(
                new MeasureOption(Aggregation.COUNT, null, msg(p + "count"), Additivity.FULL),
                new MeasureOption(Aggregation.SUM, "participants_total", msg(p + "participants_total"),
                        Additivity.FULL),
                new MeasureOption(Aggregation.SUM, "participants_onsite", msg(p + "participants_onsite"),
                        Additivity.FULL),
                new MeasureOption(Aggregation.SUM, "participants_online", msg(p + "participants_online"),
                        Additivity.FULL),
                new MeasureOption(Aggregation.SUM, "materials", msg(p + "materials"), Additivity.FULL),
                new MeasureOption(Aggregation.SUM, "volunteers", msg(p + "volunteers"), Additivity.FULL),
                new MeasureOption(Aggregation.DISTINCT_COUNT, "village", msg(p + "village"), Additivity.AREA),
                new MeasureOption(Aggregation.DISTINCT_COUNT, "township", msg(p + "township"), Additivity.AREA),
                new MeasureOption(Aggregation.DISTINCT_COUNT, "organizer_unit", msg(p + "organizer_unit"),
                        Additivity.NONE));
    }

    @Override
    public List<FilterDimension> dimensions(String scopePath) {
        String p = "indicator.source.activity.dim.";
        List<FilterOption> statuses = new ArrayList<>();
        statuses.add(new FilterOption(COUNTED, msg(p + "status.COUNTED")));
        statuses.add(new FilterOption(ALL, msg(p + "status.ALL")));
        for (ActivityStatus s : ActivityStatus.values()) {
            statuses.add(new FilterOption(s.name(), msg("activity.status." + s.name())));
        }
        List<FilterOption> themes = dictionary.all(ActivityDictionary.THEME).stream()
                .map(d -> new FilterOption(d.code(), d.label())).toList();
        List<FilterOption> formats = dictionary.all(ActivityDictionary.FORMAT).stream()
                .map(d -> new FilterOption(d.code(), d.label())).toList();
        List<FilterOption> groups = java.util.Arrays.stream(KeyGroup.values())
                .map(g -> new FilterOption(g.name(), msg("keyGroup." + g.name()))).toList();
        List<FilterOption> unitOptions = scopePath == null ? List.of() : units.activeUnitsFor(scopePath).stream()
                .map(u -> new FilterOption(Long.toString(u.id()), u.name())).toList();
        return List.of(
                new FilterDimension("status", msg(p + "status"), statuses, COUNTED),
                new FilterDimension("theme", msg(p + "theme"), themes, null),
                new FilterDimension("format", msg(p + "format"), formats, null),
                new FilterDimension("keyGroup", msg(p + "keyGroup"), groups, null),
                new FilterDimension("unit", msg(p + "unit"), unitOptions, null));
    }

    @Override
    public List<AggregateRow> aggregate(AggregateQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = LedgerSql.where(q, "a.division_path", "a.starts_at", "a.organizer_unit_id", params);
        List<String> columns = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<DataElement> els = q.elements();
        for (int i = 0; i < els.size(); i++) {
            String f = filterSql(els.get(i), i, params);
            columns.add(valueSql(els.get(i), f) + " v" + i);
            any.add("(" + f + ")");
        }
        String sql = "select " + LedgerSql.groupColumns(q, "a.division_path", "a.starts_at") + ", "
                + String.join(", ", columns) + " from activity a where " + where + " and (" + String.join(" or ", any)
                + ")" + LedgerSql.groupBy();
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            List<BigDecimal> values = new ArrayList<>(els.size());
            for (int i = 0; i < els.size(); i++) {
                values.add(rs.getBigDecimal("v" + i));
            }
            return new AggregateRow(rs.getString("area"), rs.getObject("period_start", LocalDate.class), values);
        }).list();
    }

    /** The SQL condition of the element's filters; values are bound as parameters {@code e<i>…}. */
    static String filterSql(DataElement e, int i, Map<String, Object> params) {
        List<String> terms = new ArrayList<>();
        String status = e.filter("status") == null ? COUNTED : e.filter("status");
        if (status.equals(COUNTED)) {
            terms.add("a.status in ('SUBMITTED', 'VERIFIED')");
        } else if (!status.equals(ALL)) {
            terms.add("a.status = :e" + i + "status");
            params.put("e" + i + "status", ActivityStatus.valueOf(status).name());
        }
        if (e.filter("theme") != null) {
            terms.add("a.theme_code = :e" + i + "theme");
            params.put("e" + i + "theme", e.filter("theme"));
        }
        if (e.filter("format") != null) {
            terms.add("a.format_code = :e" + i + "format");
            params.put("e" + i + "format", e.filter("format"));
        }
        if (e.filter("keyGroup") != null) {
            terms.add("a.key_groups @> cast(:e" + i + "kg as varchar[])");
            params.put("e" + i + "kg", "{" + KeyGroup.valueOf(e.filter("keyGroup")).name() + "}");
        }
        if (e.filter("unit") != null) {
            terms.add("a.organizer_unit_id = :e" + i + "unit");
            params.put("e" + i + "unit", Long.valueOf(e.filter("unit")));
        }
        return terms.isEmpty() ? "true" : String.join(" and ", terms);
    }

    private static String valueSql(DataElement e, String f) {
        return switch (e.aggregation()) {
            case COUNT -> "count(*) filter (where " + f + ")";
            case SUM -> {
                String column = SUMS.get(e.measure());
                if (column == null) {
                    throw new IllegalArgumentException("unknown measure " + e.measure());
                }
                yield "coalesce(sum(" + column + ") filter (where " + f + "), 0)";
            }
            case DISTINCT_COUNT -> switch (e.measure()) {
                // villages are level 5: paths of five segments
                case "village" -> "count(distinct a.division_path) filter (where " + f
                        + " and a.division_path like '%/%/%/%/%')";
                case "township" -> "count(distinct " + LedgerSql.cutSql("a.division_path", 4) + ") filter (where "
                        + f + " and a.division_path like '%/%/%/%')";
                case "organizer_unit" -> "count(distinct a.organizer_unit_id) filter (where " + f + ")";
                default -> throw new IllegalArgumentException("unknown measure " + e.measure());
            };
        };
    }

    @Override
    public String drillDown(DataElement e, String divisionCode, Period period) {
        Integer year = null;
        Integer month = null;
        LocalDate from = null;
        LocalDate to = null;
        switch (period.kind()) {
            case YEAR -> year = period.year();
            case MONTH -> {
                year = period.year();
                month = period.start().getMonthValue();
            }
            default -> {
                from = period.start();
                to = period.last();
            }
        }
        String status = e.filter("status") == null ? COUNTED : e.filter("status");
        boolean counted = status.equals(COUNTED);
        ActivityStatus single = counted || status.equals(ALL) ? null : ActivityStatus.valueOf(status);
        KeyGroup group = e.filter("keyGroup") == null ? null : KeyGroup.valueOf(e.filter("keyGroup"));
        Long unit = e.filter("unit") == null ? null : Long.valueOf(e.filter("unit"));
        return new ActivityFilter(from, to, year, month, divisionCode, unit, e.filter("theme"), group,
                e.filter("format"), single, counted, null, null, null, 1, ActivityFilter.DEFAULT_SIZE).listUrl();
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
