package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.kepu.indicator.TargetComparator;
import org.kepu.indicator.TargetStatus;

/**
 * A target's status on a day, from its value against the straight line from (start date, baseline) to (deadline,
 * target value). Days count inclusively: on the deadline the whole target is expected.
 *
 * <ul>
 * <li>AT_LEAST (and AT_MOST when the target is below the baseline, a reduction; and EXACTLY): reached → ACHIEVED;
 * else past the deadline → BEHIND; else the progress made (value − baseline, or baseline − value for a
 * reduction) against the progress expected by now: at least all of it → ON_TRACK, at least {@code tolerance}
 * (80 %) → AT_RISK, less → BEHIND. Nothing expected yet → ON_TRACK. EXACTLY also needs the value to equal the
 * target (at the indicator's decimals) to be ACHIEVED; overshooting it before the deadline is AT_RISK.
 * <li>AT_MOST as a cap (target at or above the baseline): above the target → BEHIND; on or after the deadline →
 * ACHIEVED; at or below the expected value → ON_TRACK; else (within the cap but using it up faster than
 * planned) → AT_RISK.
 * </ul>
 */
public final class TargetRules {

    private TargetRules() {
    }

    /** The evaluation: expected value, share of time elapsed, status. */
    public record Evaluation(BigDecimal expected, BigDecimal elapsed, TargetStatus status) {
    }

    public static Evaluation evaluate(TargetComparator comparator, LocalDate start, LocalDate deadline,
            BigDecimal baseline, BigDecimal target, BigDecimal value, LocalDate asOf, int decimals,
            BigDecimal tolerance) {
        long total = ChronoUnit.DAYS.between(start, deadline) + 1;
        long done = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start, asOf) + 1));
        BigDecimal elapsed = BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
        BigDecimal expected = baseline.add(target.subtract(baseline).multiply(BigDecimal.valueOf(done))
                .divide(BigDecimal.valueOf(total), java.math.MathContext.DECIMAL64));
        BigDecimal shownExpected = expected.setScale(decimals, RoundingMode.HALF_UP);
        if (value == null) {
            return new Evaluation(shownExpected, elapsed, TargetStatus.NO_VALUE);
        }
        boolean over = asOf.isAfter(deadline);
        BigDecimal v = value.setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal t = target.setScale(decimals, RoundingMode.HALF_UP);
        int direction = target.compareTo(baseline);
        TargetStatus status = switch (comparator) {
            case AT_LEAST -> v.compareTo(t) >= 0 ? TargetStatus.ACHIEVED
                    : over ? TargetStatus.BEHIND : progress(value.subtract(baseline), expected.subtract(baseline),
                            tolerance);
            case AT_MOST -> {
                if (direction < 0) {
                    yield v.compareTo(t) <= 0 ? TargetStatus.ACHIEVED
                            : over ? TargetStatus.BEHIND : progress(baseline.subtract(value),
                                    baseline.subtract(expected), tolerance);
                }
                if (v.compareTo(t) > 0) {
                    yield TargetStatus.BEHIND;
                }
                if (!asOf.isBefore(deadline)) {
                    yield TargetStatus.ACHIEVED;
                }
                yield value.compareTo(expected) <= 0 ? TargetStatus.ON_TRACK : TargetStatus.AT_RISK;
            }
            case EXACTLY -> {
                if (v.compareTo(t) == 0) {
                    yield TargetStatus.ACHIEVED;
                }
                if (over) {
                    yield TargetStatus.BEHIND;
                }
                boolean overshoot = direction >= 0 ? v.compareTo(t) > 0 : v.compareTo(t) < 0;
                if (overshoot) {
                    yield TargetStatus.AT_RISK;
                }
                yield direction >= 0 ? progress(value.subtract(baseline), expected.subtract(baseline), tolerance)
                        : progress(baseline.subtract(value), baseline.subtract(expected), tolerance);
            }
        };
        return new Evaluation(shownExpected, elapsed, status);
    }

    private static TargetStatus progress(BigDecimal made, BigDecimal expected, BigDecimal tolerance) {
        if (expected.signum() <= 0 || made.compareTo(expected) >= 0) {
            return TargetStatus.ON_TRACK;
        }
        return made.compareTo(expected.multiply(tolerance)) >= 0 ? TargetStatus.AT_RISK : TargetStatus.BEHIND;
    }
}
