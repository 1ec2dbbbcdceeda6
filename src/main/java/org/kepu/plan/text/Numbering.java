package org.kepu.plan.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the number at the start of a line: 一、 / （一） / 1． 1. 1、 / （1） (1) 1） / ① and their variants. */
final class Numbering {

    /** A numbered line: the number as written, its style and value, and the text after it. */
    record Match(NumberingStyle style, String numbering, int value, String rest) {
    }

    private static final String CN = "[一二三四五六七八九十]{1,4}";
    private static final Pattern CHINESE_COMMA = Pattern.compile("^(" + CN + ")\\s*[、．.](?![0-9])");
    private static final Pattern CHINESE_PAREN = Pattern.compile("^[（(]\\s*(" + CN + ")\\s*[）)]");
    private static final Pattern ARABIC_PAREN = Pattern.compile("^(?:[（(]\\s*([0-9]{1,3})\\s*[）)]|([0-9]{1,3})[）)])");
    private static final Pattern ARABIC_DOT = Pattern.compile("^([0-9]{1,3})\\s*[．.、](?![0-9．.])");

    private Numbering() {
    }

    /** The numbering at the start of the (trimmed) line, or null. */
    static Match match(String line) {
        if (line.isEmpty()) {
            return null;
        }
        Match special = single(line);
        if (special != null) {
            return special;
        }
        String ascii = TextLines.asciiDigits(line);
        Matcher m = CHINESE_COMMA.matcher(ascii);
        if (m.lookingAt()) {
            return chinese(NumberingStyle.CHINESE_COMMA, line, m.group(1), m.end());
        }
        m = CHINESE_PAREN.matcher(ascii);
        if (m.lookingAt()) {
            return chinese(NumberingStyle.CHINESE_PAREN, line, m.group(1), m.end());
        }
        m = ARABIC_PAREN.matcher(ascii);
        if (m.lookingAt()) {
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            return build(NumberingStyle.ARABIC_PAREN, line, Integer.parseInt(digits), m.end());
        }
        m = ARABIC_DOT.matcher(ascii);
        if (m.lookingAt()) {
            return build(NumberingStyle.ARABIC_DOT, line, Integer.parseInt(m.group(1)), m.end());
        }
        return null;
    }

    /** One-character numbers: ① ❶ (circled), ⑴ (parenthesised), ⒈ (with a full stop), ㈠ (parenthesised ideograph). */
    private static Match single(String line) {
        char c = line.charAt(0);
        if (c >= '\u2460' && c <= '\u2473') {
            return build(NumberingStyle.CIRCLED, line, c - '\u2460' + 1, 1);
        }
        if (c >= '\u3251' && c <= '\u325F') {
            return build(NumberingStyle.CIRCLED, line, c - '\u3251' + 21, 1);
        }
        if (c >= '\u32B1' && c <= '\u32BF') {
            return build(NumberingStyle.CIRCLED, line, c - '\u32B1' + 36, 1);
        }
        if (c >= '\u2776' && c <= '\u277F') {
            return build(NumberingStyle.CIRCLED, line, c - '\u2776' + 1, 1);
        }
        if (c >= '\u2474' && c <= '\u2487') {
            return build(NumberingStyle.ARABIC_PAREN, line, c - '\u2474' + 1, 1);
        }
        if (c >= '\u2488' && c <= '\u249B') {
            return build(NumberingStyle.ARABIC_DOT, line, c - '\u2488' + 1, 1);
        }
        if (c >= '\u3220' && c <= '\u3229') {
            return build(NumberingStyle.CHINESE_PAREN, line, c - '\u3220' + 1, 1);
        }
        return null;
    }

    private static Match chinese(NumberingStyle style, String line, String numeral, int end) {
        long value = ChineseNumerals.parse(numeral);
        if (value < 1 || value > 99) {
            return null;
        }
        return build(style, line, (int) value, end);
    }

    private static Match build(NumberingStyle style, String line, int value, int end) {
        if (value < 1 || value > 200) {
            return null;
        }
        String numbering = TextLines.compact(line.substring(0, end));
        String rest = TextLines.trim(line.substring(end));
        int skip = 0;
        while (skip < rest.length() && "、，,．.:：".indexOf(rest.charAt(skip)) >= 0) {
            skip++;
        }
        return new Match(style, numbering, value, TextLines.trim(rest.substring(skip)));
    }

    /** The number following {@code value} in this style, for messages ("二、" after "一、"). */
    static String expected(NumberingStyle style, String previous, int value) {
        return switch (style) {
            case CHINESE_COMMA -> chinese(value) + "、";
            case CHINESE_PAREN -> "（" + chinese(value) + "）";
            case ARABIC_DOT -> value + (previous.isEmpty() ? "．" : previous.substring(previous.length() - 1));
            case ARABIC_PAREN -> "（" + value + "）";
            case CIRCLED -> value <= 20 ? String.valueOf((char) ('\u2460' + value - 1)) : String.valueOf(value);
            case NONE -> "";
        };
    }

    static String chinese(int value) {
        String digits = "零一二三四五六七八九";
        if (value < 10) {
            return String.valueOf(digits.charAt(value));
        }
        if (value < 20) {
            return "十" + (value % 10 == 0 ? "" : digits.charAt(value % 10));
        }
        if (value < 100) {
            return digits.charAt(value / 10) + "十" + (value % 10 == 0 ? "" : String.valueOf(digits.charAt(value % 10)));
        }
        return String.valueOf(value);
    }
}
