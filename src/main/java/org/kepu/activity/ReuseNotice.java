package org.kepu.activity;

import java.time.OffsetDateTime;

/**
 * Another activity that already uses an uploaded file. Its title is always named; id and date only when the caller
 * may see that activity ({@code visible}).
 */
public record ReuseNotice(String title, Long activityId, OffsetDateTime startsAt, boolean visible) {
}
