package org.kepu.activity.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.kepu.activity.ActivityDictionary;
import org.kepu.activity.ActivityInput;
import org.kepu.activity.ActivityValidationException;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The field rules of an activity and the scope rule for where it may be held. Errors are collected per field (message
 * keys under {@code activity.error.*}) and thrown together.
 */
@Component
public class ActivityInputValidator {

    static final int MAX_COUNT = 10_000_000;

    private final ActivityDictionary dictionary;
    private final DivisionService divisions;
    private final MemberUnitService units;

    ActivityInputValidator(ActivityDictionary dictionary, DivisionService divisions, MemberUnitService units) {
        this.dictionary = dictionary;
        this.divisions = divisions;
        this.units = units;
    }

    /** Checks {@code in} for {@code user}; {@code previous} (may be null) lets unchanged retired codes stay. */
    public ValidInput validate(ActivityInput in, CurrentUser user, ActivityRow previous, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = strip(in.title());
        if (title == null) {
            errors.put("title", "activity.error.titleRequired");
        } else if (title.length() > 200) {
            errors.put("title", "activity.error.titleTooLong");
        }
        String theme = strip(in.themeCode());
        if (!dictionary.isActive(ActivityDictionary.THEME, theme)
                && !(previous != null && Objects.equals(previous.themeCode(), theme))) {
            errors.put("theme", "activity.error.themeRequired");
        }
        String format = strip(in.formatCode());
        if (!dictionary.isActive(ActivityDictionary.FORMAT, format)
                && !(previous != null && Objects.equals(previous.formatCode(), format))) {
            errors.put("format", "activity.error.formatRequired");
        }
        if (in.keyGroups().isEmpty()) {
            errors.put("keyGroups", "activity.error.keyGroupsRequired");
        }
        LocalDateTime starts = in.startsAt();
        LocalDateTime ends = in.endsAt();
        if (starts == null) {
            errors.put("startsAt", "activity.error.startsAtRequired");
        }
        if (ends == null) {
            errors.put("endsAt", "activity.error.endsAtRequired");
        } else if (starts != null && ends.isBefore(starts)) {
            errors.put("endsAt", "activity.error.endsBeforeStarts");
        }
        Division division = null;
        String code = strip(in.divisionCode());
        if (code == null) {
            errors.put("division", "activity.error.divisionRequired");
        } else {
            division = divisions.find(code).orElse(null);
            if (division == null || !user.scope().coversPath(division.path())) {
                errors.put("division", "activity.error.divisionOutOfScope");
                division = null;
            }
        }
        Long organizer = user.scope().unitId() != null ? user.scope().unitId() : in.organizerUnitId();
        List<Long> coOrganizers = new ArrayList<>();
        if (division != null) {
            Set<Long> allowed = units.activeUnitsFor(division.path()).stream().map(MemberUnitRef::id)
                    .collect(Collectors.toSet());
            if (organizer != null && !allowed.contains(organizer) && user.scope().unitId() == null
                    && !(previous != null && organizer.equals(previous.organizerUnitId()))) {
                errors.put("organizerUnit", "activity.error.unitInvalid");
            }
            for (Long u : new LinkedHashSet<>(in.coOrganizerIds())) {
                if (u == null || u.equals(organizer)) {
                    continue;
                }
                if (!allowed.contains(u)) {
                    errors.put("coOrganizers", "activity.error.unitInvalid");
                }
                coOrganizers.add(u);
            }
        }
        int onsite = count(in.participantsOnsite(), "participantsOnsite", errors);
        int online = count(in.participantsOnline(), "participantsOnline", errors);
        int materials = count(in.materialsCount(), "materialsCount", errors);
        int volunteers = count(in.volunteersCount(), "volunteersCount", errors);
        String media = strip(in.mediaCoverage());
        if (media != null && media.length() > 2000) {
            errors.put("mediaCoverage", "activity.error.tooLong");
        }
        String description = strip(in.description());
        if (description != null && description.length() > 10_000) {
            errors.put("description", "activity.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new ActivityValidationException(errors);
        }
        return new ValidInput(title, theme, format, List.copyOf(new LinkedHashSet<>(in.keyGroups())),
                starts.atZone(zone).toOffsetDateTime(), ends.atZone(zone).toOffsetDateTime(), division.code(),
                division.path(), organizer, coOrganizers, onsite, online, materials, volunteers, media, description);
    }

    private static int count(Integer value, String field, Map<String, String> errors) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > MAX_COUNT) {
            errors.put(field, "activity.error.countInvalid");
            return 0;
        }
        return value;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
