package org.kepu.shared;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period in the county's local time (Asia/Shanghai): a year, a quarter, a month or a custom range of
 * whole days. {@code start} is the first day, {@code end} the day after the last (exclusive). A record belongs to
 * the period when its local date lies in {@code [start, end)}; {@link #from()} and {@link #to()} give the instants
 * for SQL over {@code timestamptz} columns.
 *
 * <p>Text form (URLs, API): {@code 2025}, {@code 2025-Q1}, {@code 2025-03}, {@code 2025-01-05..2025-02-10}
 * (both days inclusive).
 */
public record Period(Kind kind, LocalDate start, LocalDate end) implements Serializable {

    /** The time zone in which records fall into days, months and years. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    public enum Kind {
        YEAR, QUARTER, MONTH, RANGE
    }

    public Period {
        if (kind == null || start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("invalid period " + kind + " " + start + " " + end);
        }
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
        LocalDate s = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, s, s.plusMonths(3));
    }

    public static Period month(int year, int month) {
        LocalDate s = LocalDate.of(year, month, 1);
        return new Period(Kind.MONTH, s, s.plusMonths(1));
    }

    /**
     * The days {@code from} to {@code toInclusive}. A range that is exactly a year, quarter or month becomes that
     * period, so equal periods compare equal whichever way they were written.
     */
    public static Period range(LocalDate from, LocalDate toInclusive) {
        if (from == null || toInclusive == null || toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("invalid range " + from + ".." + toInclusive);
        }
        return normalized(from, toInclusive.plusDays(1));
    }

    /** Parses the text form; throws {@link BadRequestException} ({@code error.period}) when it cannot. */
    public static Period parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            Matcher m;
            if ((m = YEAR.matcher(t)).matches()) {
                return year(checkedYear(m.group(1)));
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return quarter(checkedYear(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    return month(checkedYear(m.group(1)), month);
                }
            }
            if ((m = RANGE.matcher(t)).matches()) {
                LocalDate from = LocalDate.parse(m.group(1));
                LocalDate to = LocalDate.parse(m.group(2));
                if (!to.isBefore(from) && from.getYear() >= 1900 && to.getYear() <= 2999
                        && ChronoUnit.DAYS.between(from, to) <= 366L * 50) {
                    return range(from, to);
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadRequestException("error.period", t);
    }

    private static int checkedYear(String y) {
        int year = Integer.parseInt(y);
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("year " + y);
        }
        return year;
    }

    private static Period normalized(LocalDate start, LocalDate end) {
        if (start.getDayOfMonth() == 1 && end.getDayOfMonth() == 1) {
            if (start.getDayOfYear() == 1 && end.equals(start.plusYears(1))) {
                return new Period(Kind.YEAR, start, end);
            }
            if ((start.getMonthValue() - 1) % 3 == 0 && end.equals(start.plusMonths(3))) {
                return new Period(Kind.QUARTER, start, end);
            }
            if (end.equals(start.plusMonths(1))) {
                return new Period(Kind.MONTH, start, end);
            }
        }
        return new Period(Kind.RANGE, start, end);
    }

    /** The last day (inclusive). */
    public LocalDate last() {
        return end.minusDays(1);
    }

    /** The first instant of the period in Asia/Shanghai. */
    public OffsetDateTime from() {
        return start.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The first instant after the period in Asia/Shanghai. */
    public OffsetDateTime to() {
        return end.atStartOfDay(ZONE).toOffsetDateTime();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /** True when the two periods share at least one day. */
    public boolean overlaps(Period other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The first day of every calendar month that the period touches, in order. */
    public List<LocalDate> months() {
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = start.withDayOfMonth(1); m.isBefore(end); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The year of the first day. */
    public int year() {
        return start.getYear();
    }

    /** The text form, e.g. {@code 2025-Q1}; {@link #parse} reads it back. */
    public String code() {
        return switch (kind) {
            case YEAR -> Integer.toString(start.getYear());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case RANGE -> start + ".." + last();
        };
    }

    /** What users read: 2025年, 2025年第一季度, 2025年3月, 2025-01-05至2025-02-10. */
    public String label() {
        return switch (kind) {
            case YEAR -> start.getYear() + "年";
            case QUARTER -> start.getYear() + "年第" + QUARTER_NAMES[(start.getMonthValue() - 1) / 3] + "季度";
            case MONTH -> start.getYear() + "年" + start.getMonthValue() + "月";
            case RANGE -> start + "至" + last();
        };
    }

    @Override
    public String toString() {
        return code();
    }
}
