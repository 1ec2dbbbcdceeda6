package org.kepu.activity.ledger;

import java.time.OffsetDateTime;

/** One validated ledger row, ready to be written as an activity. */
record ActivityRow(int rowNumber, String title, String themeCode, String formatCode, String[] keyGroups,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode, String divisionPath, Long organizerUnitId,
        long[] coOrganizerIds, int participantsOnsite, int participantsOnline, int materialsCount,
        int volunteersCount, String mediaCoverage, String description) {
}
