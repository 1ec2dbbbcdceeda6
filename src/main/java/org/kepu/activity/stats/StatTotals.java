package org.kepu.activity.stats;

/** The headline figures of a dashboard, each with the list URL behind it (all four lead to the same list). */
public record StatTotals(long activities, long participantsOnsite, long participantsOnline, long materials,
        long volunteers, String link) {

    public long participants() {
        return participantsOnsite + participantsOnline;
    }
}
