package org.kepu.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.kepu.notification.Reminder;
import org.kepu.notification.ReminderSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily reminder job (one node only, ShedLock): asks every {@link ReminderSource} what is due today (China
 * time) and sends each reminder once per recipient. A source that fails is logged and skipped; the others still
 * run. Sending twice is harmless (the dedupe key), so the job also runs shortly after start-up to catch a missed
 * morning (negative {@code kepu.notification.startup-run-delay} turns that off; the tests do).
 */
@Component
public class ReminderJob {

    static final String LOCK = "notification-reminders";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final List<ReminderSource> sources;
    private final NotificationService notifications;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final int keepReadDays;
    private final Duration startupDelay;
    private final TaskScheduler scheduler;

    ReminderJob(List<ReminderSource> sources, NotificationService notifications, Clock clock, DataSource dataSource,
            @Value("${kepu.notification.keep-read-days:180}") int keepReadDays,
            @Value("${kepu.notification.startup-run-delay:PT2M}") Duration startupDelay, TaskScheduler scheduler) {
        this.sources = sources;
        this.notifications = notifications;
        this.clock = clock;
        this.keepReadDays = keepReadDays;
        this.startupDelay = startupDelay;
        this.scheduler = scheduler;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().build()));
    }

    @Scheduled(cron = "${kepu.notification.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    void daily() {
        locks.executeWithLock((Runnable) () -> {
            runFor(LocalDate.now(clock.withZone(CHINA)));
            int purged = notifications.purgeRead(keepReadDays);
            if (purged > 0) {
                log.info("Deleted {} read notifications older than {} days", purged, keepReadDays);
            }
        }, new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(30), Duration.ofMinutes(1)));
    }

    /** A catch-up run a little after start-up, for a node that was down at the scheduled hour. */
    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (!startupDelay.isNegative()) {
            scheduler.schedule(this::daily, Instant.now().plus(startupDelay));
        }
    }

    /** Sends what every source has due on {@code today}; returns how many reminders the sources produced. */
    public int runFor(LocalDate today) {
        int count = 0;
        for (ReminderSource source : sources) {
            List<Reminder> due;
            try {
                due = source.remindersDue(today);
            } catch (RuntimeException e) {
                log.error("Reminder source {} failed for {}", source.getClass().getName(), today, e);
                continue;
            }
            for (Reminder r : due) {
                if (r.unitId() != null) {
                    notifications.sendToUnit(r.unitId(), r.title(), r.body(), r.link(), r.dedupeKey());
                }
                if (!r.userIds().isEmpty()) {
                    notifications.send(r.userIds(), r.title(), r.body(), r.link(), r.dedupeKey());
                }
                count++;
            }
        }
        return count;
    }
}
