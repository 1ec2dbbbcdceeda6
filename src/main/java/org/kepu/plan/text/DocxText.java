package org.kepu.plan.text;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;

/**
 * The text of a Word document, one line per paragraph and per table-cell paragraph, in document order. Word's
 * automatic list numbering (which is not part of a paragraph's text) is written out as the document shows it
 * ("一、", "（一）", "1．", "①"), so the parser sees the same numbers as the reader.
 */
final class DocxText {

    /** Thrown when the text passes the limit. */
    static final class TooLong extends RuntimeException {
        TooLong() {
            super(null, null, false, false);
        }
    }

    private final XWPFDocument doc;
    private final int maxChars;
    private final StringBuilder out = new StringBuilder();
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    private DocxText(XWPFDocument doc, int maxChars) {
        this.doc = doc;
        this.maxChars = maxChars;
    }

    static String of(XWPFDocument doc, int maxChars) {
        DocxText t = new DocxText(doc, maxChars);
        t.elements(doc.getBodyElements(), 0);
        return t.out.toString();
    }

    private void elements(List<IBodyElement> elements, int depth) {
        if (depth > 20) {
            return;
        }
        for (IBodyElement e : elements) {
            if (e instanceof XWPFParagraph p) {
                paragraph(p);
            } else if (e instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        elements(cell.getBodyElements(), depth + 1);
                    }
                }
            } else if (e instanceof XWPFSDT sdt) {
                line(sdt.getContent().getText());
            }
        }
    }

    private void paragraph(XWPFParagraph p) {
        String text = p.getText();
        String number = number(p);
        line(number.isEmpty() ? text : number + text);
    }

    private void line(String text) {
        if (out.length() + text.length() + 1 > maxChars) {
            throw new TooLong();
        }
        out.append(text).append('\n');
    }

    /** The automatic number of a list paragraph as Word shows it, or "". */
    private String number(XWPFParagraph p) {
        try {
            BigInteger numId = p.getNumID();
            if (numId == null || numId.signum() == 0) {
                return "";
            }
            int level = p.getNumIlvl() == null ? 0 : Math.min(p.getNumIlvl().intValue(), 8);
            String format = p.getNumFmt();
            String levelText = p.getNumLevelText();
            if (format == null || levelText == null || "bullet".equals(format) || "none".equals(format)) {
                return "";
            }
            int[] count = counters.computeIfAbsent(numId, id -> new int[9]);
            count[level] = count[level] == 0 ? start(numId, level) : count[level] + 1;
            for (int deeper = level + 1; deeper < count.length; deeper++) {
                count[deeper] = 0;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < levelText.length(); i++) {
                char c = levelText.charAt(i);
                if (c == '%' && i + 1 < levelText.length() && Character.isDigit(levelText.charAt(i + 1))) {
                    int ref = levelText.charAt(++i) - '1';
                    if (ref >= 0 && ref <= level) {
                        sb.append(ref == level ? format(count[ref], format) : String.valueOf(Math.max(count[ref], 1)));
                    }
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private int start(BigInteger numId, int level) {
        try {
            XWPFNumbering numbering = doc.getNumbering();
            XWPFNum num = numbering.getNum(numId);
            BigInteger abstractId = num.getCTNum().getAbstractNumId().getVal();
            XWPFAbstractNum abstractNum = numbering.getAbstractNum(abstractId);
            for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
                if (lvl.getIlvl() != null && lvl.getIlvl().intValue() == level && lvl.getStart() != null) {
                    return Math.max(lvl.getStart().getVal().intValue(), 0);
                }
            }
        } catch (RuntimeException e) {
            return 1;
        }
        return 1;
    }

    static String format(int n, String format) {
        return switch (format) {
            case "chineseCounting", "chineseCountingThousand", "ideographDigital", "japaneseCounting",
                    "taiwaneseCounting", "taiwaneseCountingThousand" -> Numbering.chinese(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle" ->
                    n >= 1 && n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : "(" + n + ")";
            case "decimalEnclosedParen" -> n >= 1 && n <= 20 ? String.valueOf((char) ('\u2474' + n - 1)) : "(" + n + ")";
            case "decimalEnclosedFullstop" -> n >= 1 && n <= 20 ? String.valueOf((char) ('\u2488' + n - 1)) : n + ".";
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(n);
            case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
            case "lowerLetter" -> letter(n, 'a');
            case "upperLetter" -> letter(n, 'A');
            case "lowerRoman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
            case "upperRoman" -> roman(n);
            default -> String.valueOf(n);
        };
    }

    private static String fullWidth(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            sb.append((char) ('０' + (c - '0')));
        }
        return sb.toString();
    }

    private static String letter(int n, char a) {
        return n >= 1 ? String.valueOf((char) (a + (n - 1) % 26)).repeat((n - 1) / 26 + 1) : String.valueOf(n);
    }

    private static String roman(int n) {
        if (n < 1 || n > 3999) {
            return String.valueOf(n);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        int rest = n;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                sb.append(symbols[i]);
                rest -= values[i];
            }
        }
        return sb.toString();
    }
}
