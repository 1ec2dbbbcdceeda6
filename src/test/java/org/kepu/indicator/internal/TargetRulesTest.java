package org.kepu.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.indicator.TargetStatus.ACHIEVED;
import static org.kepu.indicator.TargetStatus.AT_RISK;
import static org.kepu.indicator.TargetStatus.BEHIND;
import static org.kepu.indicator.TargetStatus.NO_VALUE;
import static org.kepu.indicator.TargetStatus.ON_TRACK;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kepu.indicator.TargetComparator;
import org.kepu.indicator.TargetStatus;

/**
 * Target status at fixed dates. A 2025 target of 365 from 0: on 2025-07-02 (day 183 of 365) 183 are expected;
 * 80 % of that is 146.4.
 */
class TargetRulesTest {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate DEADLINE = LocalDate.of(2025, 12, 31);
    static final BigDecimal TOLERANCE = new BigDecimal("0.8");

    static TargetRules.Evaluation at(TargetComparator c, String baseline, String target, String value, String day) {
        return TargetRules.evaluate(c, START, DEADLINE, new BigDecimal(baseline), new BigDecimal(target),
                value == null ? null : new BigDecimal(value), LocalDate.parse(day), 0, TOLERANCE);
    }

    static TargetStatus status(TargetComparator c, String baseline, String target, String value, String day) {
        return at(c, baseline, target, value, day).status();
    }

    @Test
    void expectedProgressIsLinearFromStartToDeadlineInclusive() {
        var e = at(TargetComparator.AT_LEAST, "0", "365", "0", "2025-07-02");
        assertThat(e.expected()).isEqualByComparingTo("183");
        assertThat(e.elapsed()).isEqualByComparingTo("0.501370");
        assertThat(at(TargetComparator.AT_LEAST, "0", "365", "0", "2025-01-01").expected()).isEqualByComparingTo("1");
        assertThat(at(TargetComparator.AT_LEAST, "0", "365", "0", "2024-12-01").expected()).isEqualByComparingTo("0");
        assertThat(at(TargetComparator.AT_LEAST, "0", "365", "0", "2025-12-31").expected())
                .isEqualByComparingTo("365");
        assertThat(at(TargetComparator.AT_LEAST, "0", "365", "0", "2026-03-01").elapsed()).isEqualByComparingTo("1");
        assertThat(at(TargetComparator.AT_LEAST, "100", "465", "0", "2025-07-02").expected())
                .isEqualByComparingTo("283");
    }

    @Test
    void atLeast() {
        assertThat(status(TargetComparator.AT_LEAST, "0", "365", "183", "2025-07-02")).isEqualTo(ON_TRACK);
        assertThat(status(TargetComparator.AT_LEAST, "0", "365", "147", "2025-07-02")).isEqualTo(AT_RISK);
        assertThat(status(TargetComparator.AT_LEAST, "0", "365", "146", "2025-07-02")).isEqualTo(BEHIND);
        assertThat(status(TargetComparator.AT_LEAST, "0", "365", "365", "2025-03-01")).isEqualTo(ACHIEVED);
        assertThat(status(TargetComparator.AT_LEAST, "0", "365", "364", "2026-01-01")).isEqualTo(BEHIND);
        assertThat(status(TargetComparator.AT_LEAST, "0", "365", "0", "2024-12-01")).isEqualTo(ON_TRACK);
        assertThat(status(TargetComparator.AT_LEAST, "0", "365", null, "2025-07-02")).isEqualTo(NO_VALUE);
        // from a baseline of 100 to 465: 283 expected on 2025-07-02, 100 + 0.8 * 183 = 246.4 at risk
        assertThat(status(TargetComparator.AT_LEAST, "100", "465", "247", "2025-07-02")).isEqualTo(AT_RISK);
        assertThat(status(TargetComparator.AT_LEAST, "100", "465", "246", "2025-07-02")).isEqualTo(BEHIND);
    }

    @Test
    void atMostAsACapAndAsAReduction() {
        assertThat(status(TargetComparator.AT_MOST, "0", "365", "100", "2025-07-02")).isEqualTo(ON_TRACK);
        assertThat(status(TargetComparator.AT_MOST, "0", "365", "200", "2025-07-02")).isEqualTo(AT_RISK);
        assertThat(status(TargetComparator.AT_MOST, "0", "365", "366", "2025-07-02")).isEqualTo(BEHIND);
        assertThat(status(TargetComparator.AT_MOST, "0", "365", "300", "2025-12-31")).isEqualTo(ACHIEVED);
        // reduce from 465 to 100: 282 expected on 2025-07-02 (465 − 183)
        assertThat(status(TargetComparator.AT_MOST, "465", "100", "282", "2025-07-02")).isEqualTo(ON_TRACK);
        assertThat(status(TargetComparator.AT_MOST, "465", "100", "318", "2025-07-02")).isEqualTo(AT_RISK);
        assertThat(status(TargetComparator.AT_MOST, "465", "100", "400", "2025-07-02")).isEqualTo(BEHIND);
        assertThat(status(TargetComparator.AT_MOST, "465", "100", "90", "2025-07-02")).isEqualTo(ACHIEVED);
        assertThat(status(TargetComparator.AT_MOST, "465", "100", "101", "2026-01-02")).isEqualTo(BEHIND);
    }

    @Test
    void exactly() {
        assertThat(status(TargetComparator.EXACTLY, "0", "50", "50", "2025-07-02")).isEqualTo(ACHIEVED);
        assertThat(status(TargetComparator.EXACTLY, "0", "50", "49.6", "2025-07-02")).isEqualTo(ACHIEVED);
        assertThat(status(TargetComparator.EXACTLY, "0", "50", "60", "2025-07-02")).isEqualTo(AT_RISK);
        assertThat(status(TargetComparator.EXACTLY, "0", "50", "30", "2025-07-02")).isEqualTo(ON_TRACK);
        assertThat(status(TargetComparator.EXACTLY, "0", "50", "10", "2025-07-02")).isEqualTo(BEHIND);
        assertThat(status(TargetComparator.EXACTLY, "0", "50", "60", "2026-01-01")).isEqualTo(BEHIND);
    }
}
