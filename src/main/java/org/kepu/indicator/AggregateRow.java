package org.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One group of an {@link AggregateQuery}'s answer.
 *
 * @param area the records' division path cut to the query's group depth; null when not grouped by area
 * @param periodStart first day of the period (month, quarter, year) when grouped by time, else null
 * @param values one value per element of the query, in the query's order (zero when nothing matched)
 */
public record AggregateRow(String area, LocalDate periodStart, List<BigDecimal> values) {

    public AggregateRow {
        values = List.copyOf(values);
    }
}
