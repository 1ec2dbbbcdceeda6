package org.kepu.activity.ledger;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kepu.organization.MemberUnitRef;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.Scope;

/**
 * Checks one ledger row and turns it into an {@link ActivityRow}, or adds one error per bad cell (all cells of
 * the row are checked, so the user sees every problem at once). Times are local to China (Asia/Shanghai); a
 * date without time starts at 00:00 and ends at 23:59; a blank end time equals the start time.
 */
final class RowValidator {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*[、,，;；\\n]\\s*");
    private static final Pattern KEY_GROUP_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");
    static final int MAX_TITLE = 200;
    static final int MAX_MEDIA = 2000;
    static final int MAX_DESCRIPTION = 5000;

    private final LedgerMessages messages;
    private final PlaceResolver places;
    private final Scope scope;
    private final Map<String, String> themes;
    private final Map<String, String> formats;
    private final Map<String, KeyGroup> keyGroups = new HashMap<>();
    private final String themeList;
    private final String formatList;
    private final String keyGroupList;

    RowValidator(LedgerMessages messages, LedgerDictionaries dictionaries, PlaceResolver places, Scope scope) {
        this.messages = messages;
        this.places = places;
        this.scope = scope;
        Map<String, String> themeItems = dictionaries.items(LedgerDictionaries.THEME);
        Map<String, String> formatItems = dictionaries.items(LedgerDictionaries.FORMAT);
        this.themes = lookup(themeItems);
        this.formats = lookup(formatItems);
        this.themeList = String.join("、", themeItems.values());
        this.formatList = String.join("、", formatItems.values());
        dictionaries.keyGroups().forEach((g, label) -> {
            keyGroups.put(CellParsers.key(label), g);
            keyGroups.put(g.name().toLowerCase(Locale.ROOT), g);
        });
        this.keyGroupList = String.join("、", dictionaries.keyGroupLabels());
    }

    private static Map<String, String> lookup(Map<String, String> items) {
        Map<String, String> byKey = new HashMap<>();
        items.forEach((code, label) -> {
            byKey.put(CellParsers.key(label), code);
            byKey.put(code.toLowerCase(Locale.ROOT), code);
        });
        return byKey;
    }

    /** The row, or null when {@code errors} received at least one error for it. */
    ActivityRow validate(int row, RawCell[] c, List<ImportError> errors) {
        int before = errors.size();
        for (LedgerColumn col : LedgerColumn.values()) {
            RawCell cell = c[col.ordinal()];
            if (cell.formulaWithoutValue()) {
                errors.add(messages.rowError(row, col, "ledger.error.formulaWithoutValue", cell.shown()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        String title = text(row, c, LedgerColumn.TITLE, MAX_TITLE, true, errors);
        String theme = dictionary(row, c, LedgerColumn.THEME, themes, themeList, errors);
        String format = dictionary(row, c, LedgerColumn.FORMAT, formats, formatList, errors);
        String[] groups = keyGroups(row, c[LedgerColumn.KEY_GROUPS.ordinal()], errors);
        OffsetDateTime starts = time(row, c, LedgerColumn.STARTS_AT, false, true, errors);
        OffsetDateTime ends = time(row, c, LedgerColumn.ENDS_AT, true, false, errors);
        if (starts != null && ends == null && c[LedgerColumn.ENDS_AT.ordinal()].blank()) {
            ends = starts;
        }
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add(messages.rowError(row, LedgerColumn.ENDS_AT, "ledger.error.endsBeforeStarts"));
        }
        PlaceResolver.Place place = place(row, c[LedgerColumn.DIVISION.ordinal()], errors);
        String path = place == null ? null : place.division().path();
        Long organizer = organizer(row, c[LedgerColumn.ORGANIZER.ordinal()], path, errors);
        long[] coOrganizers = coOrganizers(row, c[LedgerColumn.CO_ORGANIZERS.ordinal()], path, organizer, errors);
        int onsite = count(row, c, LedgerColumn.PARTICIPANTS_ONSITE, errors);
        int online = count(row, c, LedgerColumn.PARTICIPANTS_ONLINE, errors);
        int materials = count(row, c, LedgerColumn.MATERIALS, errors);
        int volunteers = count(row, c, LedgerColumn.VOLUNTEERS, errors);
        String media = text(row, c, LedgerColumn.MEDIA_COVERAGE, MAX_MEDIA, false, errors);
        String description = text(row, c, LedgerColumn.DESCRIPTION, MAX_DESCRIPTION, false, errors);
        if (place != null && errors.size() == before && !scope.covers(path, organizer)) {
            errors.add(messages.rowError(row, LedgerColumn.DIVISION, "ledger.error.outOfScope"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ActivityRow(row, title, theme, format, groups, starts, ends, place.division().code(), path,
                organizer, coOrganizers, onsite, online, materials, volunteers, emptyToNull(media),
                emptyToNull(description));
    }

    private String text(int row, RawCell[] c, LedgerColumn col, int max, boolean required, List<ImportError> errors) {
        String s = CellText.clean(c[col.ordinal()].text());
        if (s.isEmpty() && required) {
            errors.add(messages.rowError(row, col, "ledger.error.required"));
            return null;
        }
        if (s.length() > max) {
            errors.add(messages.rowError(row, col, "ledger.error.tooLong", Integer.toString(max),
                    Integer.toString(s.length())));
            return null;
        }
        return s;
    }

    private String dictionary(int row, RawCell[] c, LedgerColumn col, Map<String, String> items, String list,
            List<ImportError> errors) {
        RawCell cell = c[col.ordinal()];
        if (cell.blank()) {
            errors.add(messages.rowError(row, col, "ledger.error.required"));
            return null;
        }
        String raw = cell.text();
        String cached = items.get(raw);
        if (cached != null) {
            return cached;
        }
        String k = CellParsers.key(raw);
        String code = items.get(k);
        if (code == null) {
            code = items.get(k.toLowerCase(Locale.ROOT));
        }
        if (code == null) {
            errors.add(messages.rowError(row, col, "ledger.error.oneOf", list, cell.shown()));
        }
        return code;
    }

    private String[] keyGroups(int row, RawCell cell, List<ImportError> errors) {
        if (cell.blank()) {
            return new String[0];
        }
        Set<String> result = new LinkedHashSet<>();
        for (String part : KEY_GROUP_SEPARATORS.split(CellText.halfWidth(CellText.clean(cell.text())))) {
            if (part.isBlank()) {
                continue;
            }
            String k = CellParsers.key(part);
            KeyGroup g = keyGroups.get(k);
            if (g == null) {
                g = keyGroups.get(k.toLowerCase(Locale.ROOT));
            }
            if (g == null) {
                errors.add(messages.rowError(row, LedgerColumn.KEY_GROUPS, "ledger.error.keyGroup", keyGroupList,
                        part));
                return null;
            }
            result.add(g.name());
        }
        return result.toArray(String[]::new);
    }

    private OffsetDateTime time(int row, RawCell[] c, LedgerColumn col, boolean endOfDay, boolean required,
            List<ImportError> errors) {
        RawCell cell = c[col.ordinal()];
        if (cell.blank()) {
            if (required) {
                errors.add(messages.rowError(row, col, "ledger.error.required"));
            }
            return null;
        }
        CellParsers.ParsedDateTime t = CellParsers.dateTime(cell);
        if (t == null) {
            errors.add(messages.rowError(row, col, "ledger.error.date", cell.shown()));
            return null;
        }
        LocalDateTime value = t.value();
        if (!t.timeGiven() && endOfDay) {
            value = value.toLocalDate().atTime(LocalTime.of(23, 59));
        }
        return value.atZone(ZONE).toOffsetDateTime();
    }

    private PlaceResolver.Place place(int row, RawCell cell, List<ImportError> errors) {
        if (cell.blank()) {
            errors.add(messages.rowError(row, LedgerColumn.DIVISION, "ledger.error.required"));
            return null;
        }
        PlaceResolver.Place p = places.division(CellText.clean(cell.text()));
        if (p.errorKey() != null) {
            errors.add(messages.rowError(row, LedgerColumn.DIVISION, p.errorKey(), cell.shown()));
            return null;
        }
        return p;
    }

    private Long organizer(int row, RawCell cell, String path, List<ImportError> errors) {
        if (cell.blank()) {
            return scope.unitId();
        }
        MemberUnitRef unit = places.unit(cell.text(), path).orElse(null);
        if (unit == null) {
            errors.add(messages.rowError(row, LedgerColumn.ORGANIZER, "ledger.error.unit.notFound", cell.shown()));
            return null;
        }
        if (scope.unitId() != null && scope.unitId() != unit.id()) {
            errors.add(messages.rowError(row, LedgerColumn.ORGANIZER, "ledger.error.unit.notOwn", cell.shown()));
            return null;
        }
        return unit.id();
    }

    private long[] coOrganizers(int row, RawCell cell, String path, Long organizer, List<ImportError> errors) {
        if (cell.blank()) {
            return new long[0];
        }
        Set<Long> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : LIST_SEPARATORS.split(CellText.clean(cell.text()))) {
            if (name.isBlank()) {
                continue;
            }
            places.unit(name, path).ifPresentOrElse(u -> ids.add(u.id()), () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            errors.add(messages.rowError(row, LedgerColumn.CO_ORGANIZERS, "ledger.error.unit.notFound",
                    String.join("、", unknown)));
            return null;
        }
        ids.remove(organizer);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private int count(int row, RawCell[] c, LedgerColumn col, List<ImportError> errors) {
        RawCell cell = c[col.ordinal()];
        Integer n = CellParsers.count(cell);
        if (n == null) {
            errors.add(messages.rowError(row, col, "ledger.error.count", cell.shown()));
            return 0;
        }
        return n;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
