package org.kepu.activity.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.activity.Activity;
import org.kepu.activity.ActivityInput;
import org.kepu.activity.ActivityValidationException;
import org.kepu.shared.KeyGroup;

/** The activity form as typed (all text, so bad input is shown back with a message, never lost). */
public record ActivityForm(String title, String theme, String format, List<String> keyGroups, String startsAt,
        String endsAt, String division, String organizerUnit, List<String> coOrganizers, String participantsOnsite,
        String participantsOnline, String materialsCount, String volunteersCount, String mediaCoverage,
        String description, Integer version) {

    public ActivityForm {
        keyGroups = keyGroups == null ? List.of() : keyGroups;
        coOrganizers = coOrganizers == null ? List.of() : coOrganizers;
    }

    static ActivityForm empty(String division) {
        return new ActivityForm("", "", "", List.of(), "", "", division, "", List.of(), "0", "0", "0", "0", "", "",
                null);
    }

    static ActivityForm of(Activity a) {
        return new ActivityForm(a.title(), a.themeCode(), a.formatCode(),
                a.keyGroups().stream().map(KeyGroup::name).toList(), Fmt.input(a.startsAt()), Fmt.input(a.endsAt()),
                a.divisionCode(), a.organizerUnitId() == null ? "" : a.organizerUnitId().toString(),
                a.coOrganizerIds().stream().map(String::valueOf).toList(), Integer.toString(a.participantsOnsite()),
                Integer.toString(a.participantsOnline()), Integer.toString(a.materialsCount()),
                Integer.toString(a.volunteersCount()), nz(a.mediaCoverage()), nz(a.description()), a.version());
    }

    public boolean hasKeyGroup(KeyGroup g) {
        return keyGroups.contains(g.name());
    }

    public boolean hasCoOrganizer(String id) {
        return coOrganizers.contains(id);
    }

    /** The service input; unparseable fields raise an {@link ActivityValidationException} naming them. */
    ActivityInput toInput() {
        Map<String, String> errors = new LinkedHashMap<>();
        List<KeyGroup> groups = new ArrayList<>();
        for (String g : keyGroups) {
            try {
                groups.add(KeyGroup.valueOf(g));
            } catch (IllegalArgumentException e) {
                errors.put("keyGroups", "activity.error.keyGroupsRequired");
            }
        }
        List<Long> co = new ArrayList<>();
        for (String c : coOrganizers) {
            Long v = id(c);
            if (v != null) {
                co.add(v);
            }
        }
        ActivityInput in = new ActivityInput(title, theme, format, groups, time(startsAt, "startsAt", errors),
                time(endsAt, "endsAt", errors), division, id(organizerUnit), co,
                count(participantsOnsite, "participantsOnsite", errors),
                count(participantsOnline, "participantsOnline", errors),
                count(materialsCount, "materialsCount", errors), count(volunteersCount, "volunteersCount", errors),
                mediaCoverage, description);
        if (!errors.isEmpty()) {
            throw new ActivityValidationException(errors);
        }
        return in;
    }

    private static LocalDateTime time(String s, String field, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            errors.put(field, "activity.error.dateInvalid");
            return null;
        }
    }

    private static Integer count(String s, String field, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "activity.error.countInvalid");
            return 0;
        }
    }

    private static Long id(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
