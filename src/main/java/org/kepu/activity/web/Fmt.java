package org.kepu.activity.web;

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

    public static String dateTime(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ActivityService.ZONE).format(DATE_TIME);
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
