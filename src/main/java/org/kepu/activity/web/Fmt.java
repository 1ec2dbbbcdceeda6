package org.kepu.activity.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.kepu.activity.ActivityService;

/** Formatting helpers for the activity templates (county local time). */
public final class Fmt {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Fmt() {
    }

    /**
     * {@code yyyy-MM-dd HH:mm} in the county's time zone. Written by hand: a list shows fifty of them, and the
     * formatter with a zone conversion was the largest single cost of rendering a list page.
     */
    public static String dateTime(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        Instant instant = t.toInstant();
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0,
                ActivityService.ZONE.getRules().getOffset(instant));
        int year = local.getYear();
        if (year < 1000 || year > 9999) {
            return local.format(DATE_TIME);
        }
        char[] c = new char[16];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, local.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, local.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, local.getHour(), 2);
        c[13] = ':';
        digits(c, 14, local.getMinute(), 2);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String date(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ActivityService.ZONE).format(DATE);
    }

    /** The value of a {@code datetime-local} input. */
    public static String input(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ActivityService.ZONE).format(INPUT);
    }

    public static String badge(org.kepu.activity.ActivityStatus s) {
        return switch (s) {
            case DRAFT -> "text-bg-secondary";
            case SUBMITTED -> "text-bg-warning";
            case VERIFIED -> "text-bg-success";
            case RETURNED -> "text-bg-danger";
        };
    }

    /** A count with thousands separators, as figures are written in Chinese reports: 12,345. */
    public static String num(long n) {
        return String.format("%,d", n);
    }

    public static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0)
                : String.format("%d KB", Math.max(1, bytes / 1024));
    }
}
