package org.kepu.indicator;

/** How an {@link AggregateQuery} groups records by time (calendar periods in Asia/Shanghai). */
public enum TimeGrain {
    /** No grouping: one value for the whole requested time range. */
    NONE,
    MONTH,
    QUARTER,
    YEAR;

    /** The {@code date_trunc} field name in PostgreSQL. */
    public String sqlField() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
