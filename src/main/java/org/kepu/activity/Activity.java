package org.kepu.activity;

import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.shared.KeyGroup;

/** One activity record with everything the detail page shows; names are resolved for display. */
public record Activity(long id, String title, String themeCode, String formatCode, List<KeyGroup> keyGroups,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode, String divisionPath, String divisionName,
        Long organizerUnitId, String organizerUnitName, List<Long> coOrganizerIds, List<String> coOrganizerNames,
        int participantsOnsite,
        int participantsOnline, int materialsCount, int volunteersCount, String mediaCoverage, String description,
        ActivityStatus status, String returnReason, Long createdBy, OffsetDateTime submittedAt,
        OffsetDateTime verifiedAt, Long verifiedBy, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public int participants() {
        return participantsOnsite + participantsOnline;
    }
}
