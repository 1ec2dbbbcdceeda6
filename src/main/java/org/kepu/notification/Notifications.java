package org.kepu.notification;

import java.util.Collection;

/** THROW-AWAY COPY of the lead engineer's API (replaced by main's module on merge). */
public interface Notifications {
    void send(Collection<Long> userIds, String title, String body, String link, String dedupeKey);

    void sendToUnit(long unitId, String title, String body, String link, String dedupeKey);
}
