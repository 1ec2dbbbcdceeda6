package org.kepu.activity;

import java.time.LocalDateTime;
import java.util.List;
import org.kepu.shared.KeyGroup;

/**
 * What a caller may set on an activity. Times are local to the county ({@link ActivityService#ZONE}). Counts may be
 * null (= 0). For unit roles the organizer is always the caller's own unit, whatever is given here.
 */
public record ActivityInput(String title, String themeCode, String formatCode, List<KeyGroup> keyGroups,
        LocalDateTime startsAt, LocalDateTime endsAt, String divisionCode, Long organizerUnitId,
        List<Long> coOrganizerIds, Integer participantsOnsite, Integer participantsOnline, Integer materialsCount,
        Integer volunteersCount, String mediaCoverage, String description) {

    public ActivityInput {
        keyGroups = keyGroups == null ? List.of() : List.copyOf(keyGroups);
        coOrganizerIds = coOrganizerIds == null ? List.of() : List.copyOf(coOrganizerIds);
    }
}
