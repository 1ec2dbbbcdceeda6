package org.kepu.indicator;

import java.util.Map;

/**
 * A data element: one aggregate over one ledger with filters, e.g. "counted activities for farmers" = COUNT over
 * the activity ledger with {@code keyGroup=FARMER}. Defined as data (table {@code indicator_data_element}); its
 * {@code code} is what indicator formulas refer to.
 *
 * @param source the code of the {@link LedgerSource} it aggregates over
 * @param measure the measure of SUM and DISTINCT_COUNT, null for COUNT
 * @param filters dimension code → one value; dimensions not listed use their default
 * @param cacheReady true when its cached values are built and maintained (else reads compute directly)
 */
public record DataElement(long id, String code, String name, String source, Aggregation aggregation, String measure,
        Map<String, String> filters, String description, boolean cacheReady, int version) {

    public DataElement {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    /** The filter value for {@code dimension}, or null when the element sets none. */
    public String filter(String dimension) {
        return filters.get(dimension);
    }
}
