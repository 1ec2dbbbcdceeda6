package org.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.kepu.shared.Period;

/**
 * What a dashboard card shows for one indicator, one division subtree and one year: the value, the target that
 * applies (its deadline falls in the year, or else the next one after it) with its status, and the monthly trend.
 *
 * @param target null when the division has no target for the indicator
 */
public record IndicatorCard(Indicator indicator, String divisionCode, String divisionName, Period period,
        IndicatorValue value, TargetProgress target, List<TrendPoint> trend) {

    /** One month of the trend: the indicator's value for that month alone, with its drill-down. */
    public record TrendPoint(LocalDate month, BigDecimal value, String link) {
    }
}
