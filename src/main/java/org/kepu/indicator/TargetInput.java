package org.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a target is made of, for {@link TargetService#create(TargetInput)} and {@code update}.
 *
 * @param startDate first day whose records count; null = 1 January of the current year (or of the deadline's year
 *     when that is earlier)
 * @param baseline the value at the start; null = 0
 * @param sourceNote where the target comes from (document, item), may be null
 */
public record TargetInput(long indicatorId, String divisionCode, LocalDate startDate, BigDecimal baseline,
        LocalDate deadline, TargetComparator comparator, BigDecimal targetValue, String sourceNote) {
}
