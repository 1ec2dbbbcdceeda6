package org.kepu.indicator;

import java.math.BigDecimal;

/**
 * One child division (a township of a county …) in a ranking by an indicator for one year.
 *
 * @param rank 1 for the first; rows whose sort figure has no value share the last rank
 * @param population resident population, or null when unknown
 * @param per10k the value per 10,000 residents, or null (no population, no value, or a ratio indicator)
 * @param target the target that applies to the division for the year with its status, or null
 * @param completion the target's value so far as a percentage of the target value (AT_LEAST / EXACTLY targets), or
 *        null
 */
public record DivisionRank(int rank, String divisionCode, String divisionName, Integer population,
        IndicatorValue value, BigDecimal per10k, TargetProgress target, BigDecimal completion) {
}
