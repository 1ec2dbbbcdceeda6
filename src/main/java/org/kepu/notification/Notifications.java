package org.kepu.notification;

import java.util.Collection;

/** Sends in-app notifications. Links are paths inside the application ("/plans/3"); anything else is refused. */
public interface Notifications {

    /**
     * Sends one notification to each user. With a {@code dedupeKey}, a user who already has a notification with
     * that key gets nothing new (reminders and repeated events stay single).
     */
    void send(Collection<Long> userIds, String title, String body, String link, String dedupeKey);

    /** The same, to every enabled account whose scope is that member unit (its liaisons and its head). */
    void sendToUnit(long unitId, String title, String body, String link, String dedupeKey);
}
