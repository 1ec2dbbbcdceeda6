package org.kepu.indicator;

/**
 * One aggregate a ledger offers: an aggregation and, except for {@link Aggregation#COUNT}, the measure it applies to.
 *
 * @param aggregation COUNT, SUM or DISTINCT_COUNT
 * @param measure the measure's code, e.g. {@code participants_total} or {@code village}; null for COUNT
 * @param label what users read, e.g. 参与人次（现场+线上）
 * @param additivity which sums of its values the cache may take
 */
public record MeasureOption(Aggregation aggregation, String measure, String label, Additivity additivity) {

    /** True when this option is the pair ({@code aggregation}, {@code measure}). */
    public boolean is(Aggregation a, String m) {
        return aggregation == a && java.util.Objects.equals(measure, m);
    }
}
