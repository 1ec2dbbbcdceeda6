package org.kepu.activity.ledger;

/**
 * One problem found in an imported file: the Excel row number (0 for the file as a whole), the column header
 * (null for the file as a whole) and the complete Chinese message, e.g.
 * {@code 第 5 行「现场参与人数」：应为不小于 0 的整数，实际为"约200"}.
 */
public record ImportError(int row, String column, String message) {
}
