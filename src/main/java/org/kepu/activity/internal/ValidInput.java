package org.kepu.activity.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.shared.KeyGroup;

/** An {@link org.kepu.activity.ActivityInput} that passed the field and scope rules, ready to store. */
public record ValidInput(String title, String themeCode, String formatCode, List<KeyGroup> keyGroups,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode, String divisionPath, Long organizerUnitId,
        List<Long> coOrganizerIds, int participantsOnsite, int participantsOnline, int materialsCount,
        int volunteersCount, String mediaCoverage, String description) {
}
