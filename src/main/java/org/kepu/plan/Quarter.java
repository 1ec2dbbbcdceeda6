package org.kepu.plan;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2025Q3} in URLs and shown as 2025年第3季度. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})[Qq]([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4 || year < 1990 || year > 2100) {
            throw new IllegalArgumentException("quarter " + year + "Q" + quarter);
        }
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** {@code 2025Q3}, or null when the text is not a quarter. */
    public static Quarter parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int y = Integer.parseInt(m.group(1));
        return y < 1990 || y > 2100 ? null : new Quarter(y, Integer.parseInt(m.group(2)));
    }

    /** The last quarter that has ended on {@code today}: the one whose report is due next (or overdue). */
    public static Quarter reportingOn(LocalDate today) {
        return of(today).previous();
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The report is due on {@code dueDay} of the month after the quarter (the 10th by default). */
    public LocalDate dueDate(int dueDay) {
        LocalDate next = firstDay().plusMonths(3);
        return next.withDayOfMonth(Math.min(Math.max(dueDay, 1), next.lengthOfMonth()));
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    /** 2025年第3季度 */
    public String label() {
        return year + "年第" + quarter + "季度";
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
