package org.kepu.notification;

import java.time.LocalDate;
import java.util.Collection;

/** THROW-AWAY COPY of the lead engineer's API (replaced by main's module on merge). */
public record Reminder(String dedupeKey, Long unitId, Collection<Long> userIds, String title, String body, String link,
        LocalDate dueOn) {
}
