package org.kepu.indicator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many cards with a target stand at each {@link TargetStatus} (for the dashboards' status summaries). */
public record StatusCounts(Map<TargetStatus, Integer> counts, int withTarget, int total) {

    public static StatusCounts of(List<IndicatorCard> cards) {
        Map<TargetStatus, Integer> m = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            m.put(s, 0);
        }
        int with = 0;
        for (IndicatorCard c : cards) {
            if (c.target() != null) {
                m.merge(c.target().status(), 1, Integer::sum);
                with++;
            }
        }
        return new StatusCounts(m, with, cards.size());
    }

    public int count(TargetStatus s) {
        return counts.getOrDefault(s, 0);
    }

    /** The statuses in the order the dashboards show them. */
    public static List<TargetStatus> order() {
        return List.of(TargetStatus.ACHIEVED, TargetStatus.ON_TRACK, TargetStatus.AT_RISK, TargetStatus.BEHIND,
                TargetStatus.NO_VALUE);
    }
}
