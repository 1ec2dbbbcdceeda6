package org.kepu.plan.progress;

import java.math.BigDecimal;

/** One figure line of a progress report: 举办科普讲座 12 场. */
public record ReportFigure(String label, BigDecimal quantity, String unit) {

    public String quantityText() {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }
}
