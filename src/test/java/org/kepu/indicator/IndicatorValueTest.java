package org.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How a value is shown on pages: thousands grouped, the indicator's decimals kept. */
class IndicatorValueTest {

    @Test
    void thousandsAreGroupedAndDecimalsKept() {
        assertThat(new IndicatorValue(new BigDecimal("328036"), "328036", null, null).shown()).isEqualTo("328,036");
        assertThat(new IndicatorValue(new BigDecimal("1234.50"), "1234.50", null, null).shown()).isEqualTo("1,234.50");
        assertThat(new IndicatorValue(new BigDecimal("80.3"), "80.3", null, null).shown()).isEqualTo("80.3");
        assertThat(new IndicatorValue(new BigDecimal("-1500"), "-1500", null, null).shown()).isEqualTo("-1,500");
        assertThat(new IndicatorValue(null, "—", "分母为 0", null).shown()).isEqualTo("—");
    }
}
