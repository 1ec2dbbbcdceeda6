package org.kepu.notification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One reminder: to the accounts of a member unit ({@code unitId}) and/or to listed users. The {@code dedupeKey}
 * names the occasion ("progress:q:2026-3:task:17:unit:4:7d"), so the job can run any number of times a day.
 */
public record Reminder(String dedupeKey, Long unitId, Collection<Long> userIds, String title, String body,
        String link, LocalDate dueOn) {

    public Reminder {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(title, "title");
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }
}
