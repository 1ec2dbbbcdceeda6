package org.kepu.activity.ledger;

import java.time.LocalDateTime;

/**
 * One cell as read from the sheet, before validation. {@code text} is what the user sees (for numbers the plain
 * number); {@code number} is set for numeric cells, {@code date} for cells formatted as a date.
 * {@code formulaWithoutValue} marks a formula cell that carries no cached result.
 */
record RawCell(String text, Double number, LocalDateTime date, boolean formulaWithoutValue) {

    static final RawCell BLANK = new RawCell("", null, null, false);

    static RawCell text(String text) {
        return new RawCell(text == null ? "" : text, null, null, false);
    }

    static RawCell number(double value) {
        return new RawCell(plain(value), value, null, false);
    }

    static RawCell date(LocalDateTime value, double serial) {
        return new RawCell(value.toString().replace('T', ' '), serial, value, false);
    }

    static RawCell formulaWithoutValue(String formula) {
        return new RawCell("=" + formula, null, null, true);
    }

    boolean blank() {
        return !formulaWithoutValue && number == null && date == null && CellText.clean(text).isEmpty();
    }

    /** The text shown in error messages as 实际为"…". */
    String shown() {
        String s = CellText.clean(text);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
