package org.kepu.activity.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX handler for one worksheet part: turns each {@code <row>} into (column index, {@link RawCell}) pairs without
 * building a DOM or a POI cell object. Numbers whose style has a date format become date cells; formula cells
 * yield their cached value ({@code <v>}), or a "formula without value" marker when there is none; phonetic runs
 * ({@code <rPh>}) of inline strings are skipped.
 */
final class SheetXmlHandler extends DefaultHandler {

    /** One cell of a row: 0-based column index and value. */
    record IndexedCell(int column, RawCell cell) {
    }

    /** Receives each row with its 1-based Excel row number. */
    interface RowConsumer {
        void row(int rowNumber, List<IndexedCell> cells);

        /** The last row number the sheet declares in its {@code <dimension>}, if it has one. */
        default void lastRow(int rowNumber) {
        }
    }

    private final SharedStrings strings;
    private final StylesTable styles;
    private final RowConsumer consumer;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private List<IndexedCell> cells = new ArrayList<>();
    private int rowNumber;
    private int column;
    private String type;
    private int style;
    private boolean hasFormula;
    private boolean inValue;
    private boolean inFormula;
    private boolean inInlineText;
    private boolean inPhonetic;

    SheetXmlHandler(SharedStrings strings, StylesTable styles, RowConsumer consumer) {
        this.strings = strings;
        this.styles = styles;
        this.consumer = consumer;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
        switch (localName) {
            case "row" -> {
                String r = attrs.getValue("r");
                rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
                cells = new ArrayList<>(16);
                column = -1;
            }
            case "c" -> {
                String ref = attrs.getValue("r");
                column = ref != null ? columnOf(ref) : column + 1;
                type = attrs.getValue("t");
                String s = attrs.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                hasFormula = false;
                value.setLength(0);
                formula.setLength(0);
                inline.setLength(0);
            }
            case "v" -> inValue = true;
            case "dimension" -> {
                String ref = attrs.getValue("ref");
                if (ref != null && ref.contains(":")) {
                    String last = ref.substring(ref.indexOf(':') + 1).replaceAll("[A-Z$]", "");
                    if (!last.isEmpty() && last.length() < 8) {
                        consumer.lastRow(Integer.parseInt(last));
                    }
                }
            }
            case "f" -> {
                inFormula = true;
                hasFormula = true;
            }
            case "rPh" -> inPhonetic = true;
            case "t" -> inInlineText = !inPhonetic;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue) {
            value.append(ch, start, length);
        } else if (inFormula) {
            formula.append(ch, start, length);
        } else if (inInlineText) {
            inline.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v" -> inValue = false;
            case "f" -> inFormula = false;
            case "t" -> inInlineText = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> cells.add(new IndexedCell(column, cell()));
            case "row" -> consumer.row(rowNumber, cells);
            default -> {
            }
        }
    }

    private RawCell cell() {
        if ("inlineStr".equals(type)) {
            return RawCell.text(inline.toString());
        }
        if (hasFormula && value.isEmpty()) {
            return RawCell.formulaWithoutValue(formula.toString());
        }
        if (value.isEmpty()) {
            return RawCell.BLANK;
        }
        String v = value.toString();
        if (type == null || "n".equals(type)) {
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return RawCell.text(v);
            }
            if (isDateStyle(style) && DateUtil.isValidExcelDate(d)) {
                return RawCell.date(DateUtil.getLocalDateTime(d, false, true), d);
            }
            return RawCell.number(d);
        }
        return switch (type) {
            case "s" -> RawCell.text(strings.getItemAt(Integer.parseInt(v.strip())).getString());
            case "b" -> RawCell.text("1".equals(v) ? "TRUE" : "FALSE");
            case "e" -> hasFormula ? RawCell.formulaWithoutValue(formula.toString()) : RawCell.text(v);
            default -> RawCell.text(v);
        };
    }

    private boolean isDateStyle(int index) {
        if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
            return false;
        }
        return dateStyles.computeIfAbsent(index, i -> {
            XSSFCellStyle s = styles.getStyleAt(i);
            return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        });
    }

    /** "AB12" → 27. */
    static int columnOf(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }
}
