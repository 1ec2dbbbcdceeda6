package org.kepu.activity.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.activity.Activity;
import org.kepu.activity.ActivityStatus;
import org.kepu.shared.KeyGroup;

/** One activity as the API returns it. */
public record ActivityResponse(long id, String title, String theme, String format, List<KeyGroup> keyGroups,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String division, String divisionName, Long organizerUnitId,
        String organizerUnitName, List<Long> coOrganizerIds, int participantsOnsite, int participantsOnline,
        int materialsCount, int volunteersCount, String mediaCoverage, String description, ActivityStatus status,
        String returnReason, OffsetDateTime submittedAt, OffsetDateTime verifiedAt, int version,
        OffsetDateTime updatedAt) {

    static ActivityResponse of(Activity a) {
        return new ActivityResponse(a.id(), a.title(), a.themeCode(), a.formatCode(), a.keyGroups(), a.startsAt(),
                a.endsAt(), a.divisionCode(), a.divisionName(), a.organizerUnitId(), a.organizerUnitName(),
                a.coOrganizerIds(), a.participantsOnsite(), a.participantsOnline(), a.materialsCount(),
                a.volunteersCount(), a.mediaCoverage(), a.description(), a.status(), a.returnReason(),
                a.submittedAt(), a.verifiedAt(), a.version(), a.updatedAt());
    }
}
