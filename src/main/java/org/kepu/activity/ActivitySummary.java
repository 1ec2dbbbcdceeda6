package org.kepu.activity;

import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.shared.KeyGroup;

/** One row of the activity list. */
public record ActivitySummary(long id, String title, String themeCode, String formatCode, List<KeyGroup> keyGroups,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode, String divisionName,
        Long organizerUnitId, String organizerUnitName, int participantsOnsite, int participantsOnline,
        ActivityStatus status, int version) {

    public int participants() {
        return participantsOnsite + participantsOnline;
    }
}
