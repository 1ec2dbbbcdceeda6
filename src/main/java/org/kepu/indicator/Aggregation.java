package org.kepu.indicator;

/** How a data element aggregates the records of its ledger. */
public enum Aggregation {
    /** The number of records. */
    COUNT,
    /** The sum of a measure (participants, materials …). */
    SUM,
    /** The number of distinct things the records touch (villages reached, units …). */
    DISTINCT_COUNT
}
