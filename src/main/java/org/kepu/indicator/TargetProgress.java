package org.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A target and where it stands on {@code asOf}: the indicator's value over the target's period (start date to
 * deadline), the value expected by then on the straight line from the baseline to the target, and the status.
 *
 * @param expected the expected value on {@code asOf} (rounded like the indicator)
 * @param elapsed the share of the target's time that has passed on {@code asOf}, 0–1
 */
public record TargetProgress(Target target, IndicatorValue value, BigDecimal expected, BigDecimal elapsed,
        TargetStatus status, LocalDate asOf) {
}
