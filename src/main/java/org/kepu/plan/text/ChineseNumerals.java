package org.kepu.plan.text;

/** Chinese numerals as written in official documents: 一, 十五, 二十, 一百零五, 三万, 两千, and 二〇二二 (digit by digit). */
final class ChineseNumerals {

    /** Every character that can be part of a Chinese numeral. */
    static final String CHARS = "零〇一二两三四五六七八九十百千万";

    private ChineseNumerals() {
    }

    static boolean isNumeralChar(char c) {
        return CHARS.indexOf(c) >= 0;
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** The value, or -1 when the text is not a well-formed numeral (or too long to be one). */
    static long parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 12) {
            return -1;
        }
        boolean positional = s.length() > 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isNumeralChar(c)) {
                return -1;
            }
            if (c == '十' || c == '百' || c == '千' || c == '万') {
                positional = false;
            }
        }
        if (positional) {
            long v = 0;
            for (int i = 0; i < s.length(); i++) {
                v = v * 10 + digit(s.charAt(i));
            }
            return v;
        }
        long total = 0;
        long section = 0;
        long number = 0;
        boolean pending = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (pending && d != 0) {
                    return -1;
                }
                number = d;
                pending = d != 0;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 10000;
            };
            if (unit == 10000) {
                section += number;
                if (section == 0) {
                    return -1;
                }
                total += section * unit;
                section = 0;
            } else {
                if (number == 0 && unit == 10 && !pending) {
                    number = 1;
                }
                if (number == 0) {
                    return -1;
                }
                section += number * unit;
            }
            number = 0;
            pending = false;
        }
        return total + section + number;
    }
}
