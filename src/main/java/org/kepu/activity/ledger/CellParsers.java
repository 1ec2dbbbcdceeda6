package org.kepu.activity.ledger;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Tolerant readers for the cells people really type: dates as 2024-05-20, 2024.5.20, 2024/5/20, 2024年5月20日,
 * 20240520, an Excel date serial or a real date cell, each with an optional time (14:30, 14时30分); counts with
 * full-width digits, thousands separators and a trailing 人/人次/份/名/个. A parser returns null when the cell
 * cannot be read; the caller turns that into a row error.
 */
final class CellParsers {

    /** Excel serials between 1950-01-01 and 2099-12-31 are taken as dates. */
    static final double MIN_SERIAL = 18264;
    static final double MAX_SERIAL = 73050;

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*[日号]?"
                    + "(?:\\s*[T ]?\\s*(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})?\\s*分?(?:\\s*:\\s*(\\d{1,2})\\s*秒?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d+(\\.0+)?");
    private static final Pattern BLANKS = Pattern.compile("\\s");
    private static final Pattern KEY_NOISE = Pattern.compile("[\\s\"'“”‘’「」『』]");
    private static final Pattern COUNT_SUFFIX = Pattern.compile("(人次|人|份|名|个|次)$");

    private CellParsers() {
    }

    /** A date and time; {@link ParsedDateTime#timeGiven()} tells whether the cell had a time part. */
    record ParsedDateTime(LocalDateTime value, boolean timeGiven) {
    }

    static ParsedDateTime dateTime(RawCell cell) {
        if (cell.date() != null) {
            LocalDateTime d = cell.date();
            return new ParsedDateTime(d, !d.toLocalTime().equals(LocalTime.MIDNIGHT));
        }
        if (cell.number() != null) {
            return serial(cell.number());
        }
        String s = CellText.halfWidth(CellText.clean(cell.text())).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (SERIAL.matcher(s).matches()) {
            return serial(Double.parseDouble(s));
        }
        Matcher m = COMPACT_DATE.matcher(s);
        if (m.matches()) {
            LocalDate d = date(m.group(1), m.group(2), m.group(3));
            return d == null ? null : new ParsedDateTime(d.atStartOfDay(), false);
        }
        m = DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        LocalDate d = date(m.group(1), m.group(2), m.group(3));
        if (d == null) {
            return null;
        }
        if (m.group(4) == null) {
            return new ParsedDateTime(d.atStartOfDay(), false);
        }
        try {
            int hour = Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            return new ParsedDateTime(d.atTime(LocalTime.of(hour, minute, second)), true);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ParsedDateTime serial(double serial) {
        if (serial < MIN_SERIAL || serial > MAX_SERIAL) {
            return null;
        }
        LocalDateTime d = DateUtil.getLocalDateTime(serial, false, true);
        return new ParsedDateTime(d, serial != Math.floor(serial));
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A non-negative whole number, or null. A blank cell is 0 (the caller checks for blanks first if needed). */
    static Integer count(RawCell cell) {
        if (cell.number() != null && cell.date() == null) {
            double v = cell.number();
            if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                return null;
            }
            return (int) v;
        }
        String s = BLANKS.matcher(CellText.halfWidth(CellText.clean(cell.text()))).replaceAll("");
        if (s.isEmpty()) {
            return 0;
        }
        s = COUNT_SUFFIX.matcher(s).replaceFirst("");
        s = s.replace(",", "").replace("，", "").replace("'", "");
        if (!COUNT.matcher(s).matches()) {
            return null;
        }
        String whole = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (whole.length() > 10) {
            return null;
        }
        long v = Long.parseLong(whole);
        return v > Integer.MAX_VALUE ? null : (int) v;
    }

    /**
     * Text with quotes and blanks dropped and full-width forms folded, for comparing dictionary labels:
     * 科技文化卫生“三下乡” matches 科技文化卫生"三下乡".
     */
    static String key(String s) {
        return KEY_NOISE.matcher(CellText.halfWidth(CellText.clean(s))).replaceAll("");
    }
}
