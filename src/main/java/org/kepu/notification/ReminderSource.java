package org.kepu.notification;

import java.time.LocalDate;
import java.util.List;

/**
 * SPI: a module with deadlines registers a bean; the daily reminder job asks every source which reminders are due
 * on {@code today} and sends each once (per recipient and {@link Reminder#dedupeKey()}).
 */
public interface ReminderSource {

    List<Reminder> remindersDue(LocalDate today);
}
