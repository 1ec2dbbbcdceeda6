package org.kepu.activity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.PageResult;

/**
 * The filters of the activity list, as they appear in the URL:
 * {@code /activities?year=2026&month=5&from=2026-05-01&to=2026-05-31&division=360734100&unit=12&theme=SCI_TECH_WEEK
 * &keyGroup=YOUTH&format=LECTURE&status=VERIFIED&q=机器人&sort=startsAt&dir=desc&page=2}. All periods combine
 * (intersection); {@code to} is inclusive. Unparseable values are ignored rather than failing the page.
 */
public record ActivityFilter(LocalDate from, LocalDate to, Integer year, Integer month, String division, Long unit,
        String theme, KeyGroup keyGroup, String format, ActivityStatus status, boolean counted, String q, String sort,
        String dir, int page, int size) {

    /** The {@code status} URL value for "counted in the statistics": SUBMITTED or VERIFIED (the dashboard's rule). */
    public static final String COUNTED = "COUNTED";

    public static final Set<String> SORT_FIELDS = Set.of("startsAt", "title", "division", "participants", "status",
            "updatedAt");
    public static final int DEFAULT_SIZE = 50;

    public ActivityFilter {
        division = blankToNull(division);
        theme = blankToNull(theme);
        format = blankToNull(format);
        q = blankToNull(q);
        sort = sort != null && SORT_FIELDS.contains(sort) ? sort : "startsAt";
        dir = "asc".equalsIgnoreCase(dir) ? "asc" : "desc";
        page = Math.max(page, 1);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, 200);
        if (month != null && (month < 1 || month > 12)) {
            month = null;
        }
        if (year != null && (year < 1900 || year > 2999)) {
            year = null;
        }
    }

    /** No filter: the first page, newest first. */
    public static ActivityFilter all() {
        return new ActivityFilter(null, null, null, null, null, null, null, null, null, null, false, null, null, null, 1,
                DEFAULT_SIZE);
    }

    /** Parses request parameters (e.g. {@code request.getParameterMap()}). */
    public static ActivityFilter fromParams(Map<String, String[]> params) {
        return new ActivityFilter(date(one(params, "from")), date(one(params, "to")), integer(one(params, "year")),
                integer(one(params, "month")), one(params, "division"), longValue(one(params, "unit")),
                one(params, "theme"), enumValue(KeyGroup.class, one(params, "keyGroup")), one(params, "format"),
                enumValue(ActivityStatus.class, one(params, "status")),
                COUNTED.equalsIgnoreCase(one(params, "status")), one(params, "q"), one(params, "sort"),
                one(params, "dir"), PageResult.clampPage(integer(one(params, "page"))),
                PageResult.clampSize(integer(one(params, "size"))));
    }

    /**
     * Like {@link #fromParams} but refuses values it cannot read ({@code year=abc}, an unknown status …) with a
     * Chinese 400 message, for callers that must not silently widen the selection, such as an export.
     */
    public static ActivityFilter fromParamsStrict(Map<String, String[]> params) {
        for (String name : new String[] {"year", "month", "page", "size"}) {
            String v = one(params, name);
            if (v != null && integer(v) == null) {
                throw new org.kepu.shared.BadRequestException("error.filter.bad", name, v);
            }
        }
        for (String name : new String[] {"from", "to"}) {
            String v = one(params, name);
            if (v != null && date(v) == null) {
                throw new org.kepu.shared.BadRequestException("error.filter.bad", name, v);
            }
        }
        String unit = one(params, "unit");
        if (unit != null && longValue(unit) == null) {
            throw new org.kepu.shared.BadRequestException("error.filter.bad", "unit", unit);
        }
        String keyGroup = one(params, "keyGroup");
        if (keyGroup != null && enumValue(KeyGroup.class, keyGroup) == null) {
            throw new org.kepu.shared.BadRequestException("error.filter.bad", "keyGroup", keyGroup);
        }
        String status = one(params, "status");
        if (status != null && !COUNTED.equalsIgnoreCase(status) && enumValue(ActivityStatus.class, status) == null) {
            throw new org.kepu.shared.BadRequestException("error.filter.bad", "status", status);
        }
        return fromParams(params);
    }

    public ActivityFilter withPage(int newPage) {
        return new ActivityFilter(from, to, year, month, division, unit, theme, keyGroup, format, status, counted, q, sort,
                dir, newPage, size);
    }

    public ActivityFilter withSize(int newSize) {
        return new ActivityFilter(from, to, year, month, division, unit, theme, keyGroup, format, status, counted, q, sort,
                dir, page, newSize);
    }

    /** Sorting by {@code field}; clicking the current sort column again flips the direction. Back to page 1. */
    public ActivityFilter sortedBy(String field) {
        String newDir = field.equals(sort) ? ("asc".equals(dir) ? "desc" : "asc") : ("title".equals(field) ? "asc" : "desc");
        return new ActivityFilter(from, to, year, month, division, unit, theme, keyGroup, format, status, counted, q, field,
                newDir, 1, size);
    }

    public ActivityFilter withStatus(ActivityStatus newStatus) {
        return new ActivityFilter(from, to, year, month, division, unit, theme, keyGroup, format, newStatus, false, q, sort,
                dir, 1, size);
    }

    /** The parameters that differ from the defaults, in a stable order. */
    public Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "from", from);
        put(p, "to", to);
        put(p, "year", year);
        put(p, "month", month);
        put(p, "division", division);
        put(p, "unit", unit);
        put(p, "theme", theme);
        put(p, "keyGroup", keyGroup == null ? null : keyGroup.name());
        put(p, "format", format);
        put(p, "status", counted ? COUNTED : status == null ? null : status.name());
        put(p, "q", q);
        if (!"startsAt".equals(sort) || !"desc".equals(dir)) {
            p.put("sort", sort);
            p.put("dir", dir);
        }
        if (page > 1) {
            p.put("page", Integer.toString(page));
        }
        if (size != DEFAULT_SIZE) {
            p.put("size", Integer.toString(size));
        }
        return p;
    }

    /** The URL query string (without '?'), e.g. {@code year=2026&theme=SCI_TECH_WEEK}. */
    public String toQueryString() {
        StringJoiner j = new StringJoiner("&");
        toParams().forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** {@code /activities} with this filter's query string. */
    public String listUrl() {
        String qs = toQueryString();
        return qs.isEmpty() ? "/activities" : "/activities?" + qs;
    }

    /** First day of the period (inclusive), or null when unbounded. */
    public LocalDate periodStart() {
        LocalDate start = from;
        if (year != null) {
            LocalDate y = LocalDate.of(year, month == null ? 1 : month, 1);
            start = start == null || y.isAfter(start) ? y : start;
        }
        return start;
    }

    /** Day after the period (exclusive), or null when unbounded. */
    public LocalDate periodEndExclusive() {
        LocalDate end = to == null ? null : to.plusDays(1);
        if (year != null) {
            LocalDate y = month == null ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, month, 1).plusMonths(1);
            end = end == null || y.isBefore(end) ? y : end;
        }
        return end;
    }

    private static void put(Map<String, String> p, String key, Object value) {
        if (value != null) {
            p.put(key, value.toString());
        }
    }

    private static String one(Map<String, String[]> params, String key) {
        String[] v = params.get(key);
        return v == null || v.length == 0 ? null : blankToNull(v[0]);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String s) {
        try {
            return s == null ? null : Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
