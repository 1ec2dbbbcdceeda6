package org.kepu.activity.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.KeyGroup;

/**
 * The list filter of {@code /activities} as URL parameters, parsed for the export: {@code year}, {@code from} and
 * {@code to} (yyyy-MM-dd, inclusive), {@code month} (1–12 within {@code year}, or yyyy-MM), {@code division}
 * (a code; its subtree), {@code unit} (organiser or co-organiser id), {@code theme}, {@code keyGroup},
 * {@code format}, {@code status}, {@code q} (title and description), {@code sort} and {@code dir}.
 */
record LedgerQuery(Integer year, LocalDate from, LocalDate to, YearMonth month, String division, Long unit,
        String theme, String keyGroup, String format, String status, String q, String sort, boolean ascending) {

    static final Set<String> STATUSES = Set.of("DRAFT", "SUBMITTED", "VERIFIED", "RETURNED", "COUNTED");
    static final Map<String, String> SORTS = Map.of("startsAt", "a.starts_at", "title", "a.title",
            "participants", "(a.participants_onsite + a.participants_online)", "createdAt", "a.created_at",
            "status", "a.status", "updatedAt", "a.updated_at");

    static LedgerQuery of(Map<String, String> p) {
        Integer year = integer(p.get("year"), "year");
        YearMonth month = null;
        String m = blankToNull(p.get("month"));
        if (m != null) {
            try {
                month = m.contains("-") ? YearMonth.parse(m)
                        : YearMonth.of(year != null ? year : LocalDate.now(RowValidator.ZONE).getYear(), Integer.parseInt(m));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new BadRequestException("ledger.filter.bad", "month", m);
            }
        }
        String keyGroup = blankToNull(p.get("keyGroup"));
        if (keyGroup != null) {
            try {
                keyGroup = KeyGroup.valueOf(keyGroup.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("ledger.filter.bad", "keyGroup", keyGroup);
            }
        }
        String status = blankToNull(p.get("status"));
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw new BadRequestException("ledger.filter.bad", "status", status);
        }
        String sort = blankToNull(p.get("sort"));
        if (sort != null && !SORTS.containsKey(sort)) {
            sort = null;
        }
        Long unit = null;
        String u = blankToNull(p.get("unit"));
        if (u != null) {
            try {
                unit = Long.parseLong(u);
            } catch (NumberFormatException e) {
                throw new BadRequestException("ledger.filter.bad", "unit", u);
            }
        }
        return new LedgerQuery(year, date(p.get("from"), "from"), date(p.get("to"), "to"), month,
                blankToNull(p.get("division")), unit, blankToNull(p.get("theme")), keyGroup,
                blankToNull(p.get("format")), status == null ? null : status.toUpperCase(Locale.ROOT),
                blankToNull(p.get("q")), sort == null ? "startsAt" : sort, "asc".equalsIgnoreCase(p.get("dir")));
    }

    /** The filter as given, for the audit entry. */
    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "year", year);
        put(d, "from", from);
        put(d, "to", to);
        put(d, "month", month);
        put(d, "division", division);
        put(d, "unit", unit);
        put(d, "theme", theme);
        put(d, "keyGroup", keyGroup);
        put(d, "format", format);
        put(d, "status", status);
        put(d, "q", q);
        d.put("sort", sort);
        d.put("dir", ascending ? "asc" : "desc");
        return d;
    }

    private static void put(Map<String, Object> d, String key, Object value) {
        if (value != null) {
            d.put(key, value.toString());
        }
    }

    private static Integer integer(String s, String name) {
        String v = blankToNull(s);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1900 || n > 2200) {
                throw new BadRequestException("ledger.filter.bad", name, v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("ledger.filter.bad", name, v);
        }
    }

    private static LocalDate date(String s, String name) {
        String v = blankToNull(s);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("ledger.filter.bad", name, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
