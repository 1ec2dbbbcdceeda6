package org.kepu.activity.ledger;

/** Text clean-up shared by the cell parsers: full-width characters to ASCII, invisible blanks removed. */
final class CellText {

    private CellText() {
    }

    /**
     * Full-width ASCII variants (Ａ-Ｚ, ０-９, （）, ：, ／, ．, ，…) become their half-width forms and the
     * ideographic space becomes a space. CJK characters are kept.
     */
    static String halfWidth(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                b.append(' ');
            } else if (c == '\u200B' || c == '\uFEFF') {
                continue;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Trimmed text including Unicode blanks; null becomes "". */
    static String clean(String s) {
        return s == null ? "" : s.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
    }
}
