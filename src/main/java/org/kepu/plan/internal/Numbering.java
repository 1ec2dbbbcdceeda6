package org.kepu.plan.internal;

import java.util.List;
import java.util.regex.Pattern;

/** The document's numbering: recognising a typed number's style, and the path of numbers from the top down. */
public final class Numbering {

    private static final Pattern CHINESE_COMMA = Pattern.compile("[一二三四五六七八九十百]+[、．.]");
    private static final Pattern CHINESE_PAREN = Pattern.compile("[（(][一二三四五六七八九十百]+[）)]");
    private static final Pattern ARABIC_DOT = Pattern.compile("\\d{1,3}[．.、]");
    private static final Pattern ARABIC_PAREN = Pattern.compile("[（(]\\d{1,3}[）)]");
    private static final Pattern CIRCLED = Pattern.compile("[\\u2460-\\u2473]");

    private Numbering() {
    }

    /** The style of a number as typed ("（三）" → CHINESE_PAREN); NONE for empty or unknown text. */
    public static String styleOf(String numbering) {
        String n = numbering == null ? "" : numbering.strip();
        if (CHINESE_COMMA.matcher(n).matches()) {
            return "CHINESE_COMMA";
        }
        if (CHINESE_PAREN.matcher(n).matches()) {
            return "CHINESE_PAREN";
        }
        if (ARABIC_DOT.matcher(n).matches()) {
            return "ARABIC_DOT";
        }
        if (ARABIC_PAREN.matcher(n).matches()) {
            return "ARABIC_PAREN";
        }
        if (CIRCLED.matcher(n).matches()) {
            return "CIRCLED";
        }
        return "NONE";
    }

    /**
     * The numbers from the top down as one label: 二、 › （一） › 1． gives "二（一）1．" (the 、 after a number is
     * dropped when more numbers follow). Empty numbers are skipped.
     */
    public static String path(List<String> numbers) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            String n = numbers.get(i) == null ? "" : numbers.get(i).strip();
            if (n.isEmpty()) {
                continue;
            }
            if (i < numbers.size() - 1 && n.endsWith("、")) {
                n = n.substring(0, n.length() - 1);
            }
            out.append(n);
        }
        return out.toString();
    }
}
