package org.kepu.indicator;

import java.math.BigDecimal;

/**
 * An indicator's value for a division subtree and a period.
 *
 * @param value rounded to the indicator's decimals; null when there is no value
 * @param text the value as shown (e.g. {@code 12.5}), or "—" when there is none
 * @param reason why there is no value (Chinese, e.g. 分母 population 为 0), else null
 * @param link the list of records behind the value (the drill-down of the formula's first data element), or null
 */
public record IndicatorValue(BigDecimal value, String text, String reason, String link) {

    public boolean present() {
        return value != null;
    }
}
