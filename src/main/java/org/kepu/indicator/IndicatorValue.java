package org.kepu.indicator;

import java.math.BigDecimal;

/**
 * An indicator's value for a division subtree and a period.
 *
 * @param value rounded to the indicator's decimals; null when there is no value
 * @param text the value as plain digits (e.g. {@code 12.5}, {@code 5200}), or "—" when there is none; for data
 *     attributes and exports; pages show {@link #shown()}
 * @param reason why there is no value (Chinese, e.g. 分母 population 为 0), else null
 * @param link the list of records behind the value (the drill-down of the formula's first data element), or null
 */
public record IndicatorValue(BigDecimal value, String text, String reason, String link) {

    public boolean present() {
        return value != null;
    }

    /** The value as people read it: thousands grouped ({@code 328,036}, {@code 1,234.5}), or "—". */
    public String shown() {
        if (value == null) {
            return text;
        }
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        f.setMinimumFractionDigits(Math.max(0, value.scale()));
        f.setMaximumFractionDigits(Math.max(0, value.scale()));
        return f.format(value);
    }
}
