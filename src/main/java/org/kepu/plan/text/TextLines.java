package org.kepu.plan.text;

import java.util.ArrayList;
import java.util.List;

/** Splits a plan's text into trimmed lines, keeping the 1-based line numbers of the source. */
final class TextLines {

    /** A line of the source text, trimmed (full-width and non-breaking spaces included). */
    record Line(int number, String text) {

        boolean blank() {
            return text.isEmpty();
        }
    }

    private TextLines() {
    }

    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int number = 1;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C') {
                lines.add(new Line(number++, trim(text.substring(start, i))));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(new Line(number, trim(text.substring(start))));
        return lines;
    }

    /** Drops the byte-order mark, zero-width characters and other invisible controls (except line breaks, tab). */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\u00AD') {
                continue;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\u000B' && c != '\u000C') {
                continue;
            }
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!pair) {
                    continue;
                }
                sb.append(c).append(text.charAt(++i));
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The text without any spaces (full-width ones included). */
    static String compact(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u3000' || c == '\u00A0';
    }

    static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** Full-width digits to ASCII, one character for one (positions are kept). */
    static String asciiDigits(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = (char) ('0' + (c - '０'));
            }
        }
        return chars == null ? s : new String(chars);
    }

    /** A short line without any sentence or clause punctuation: a heading such as "工作领导小组成员单位职责". */
    static boolean headingLike(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ("。！？；，：,;:!?".indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
