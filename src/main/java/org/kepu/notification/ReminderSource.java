package org.kepu.notification;

import java.time.LocalDate;
import java.util.List;

/** THROW-AWAY COPY of the lead engineer's API (replaced by main's module on merge). */
public interface ReminderSource {
    List<Reminder> remindersDue(LocalDate today);
}
