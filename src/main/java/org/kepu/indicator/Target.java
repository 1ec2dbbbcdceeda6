package org.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A target of an indicator for a division subtree: reach (or stay within, or equal) {@code targetValue} by
 * {@code deadline}, counting the records from {@code startDate}; progress is expected linearly from
 * {@code baseline} at the start to the target value at the deadline.
 *
 * @param sourceNote where the target comes from, e.g. 寻府办字〔2022〕5号 二、（三）
 */
public record Target(long id, long indicatorId, String indicatorCode, String indicatorName, String divisionCode,
        String divisionPath, String divisionName, LocalDate startDate, BigDecimal baseline, LocalDate deadline,
        TargetComparator comparator, BigDecimal targetValue, String sourceNote, int version) {
}
