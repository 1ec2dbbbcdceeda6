package org.kepu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.notification.Reminder;
import org.kepu.notification.ReminderSource;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily job: every source asked for the given day, each reminder sent once, a failing source skipped. */
@KepuIntegrationTest
class ReminderJobTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationService notifications;
    @Autowired
    DataSource dataSource;

    @Test
    void remindersReachUnitsAndUsersOnceEvenWhenTheJobRunsTwiceAndOneSourceFails() {
        TestFixtures fx = new TestFixtures(jdbc).ensure();
        CurrentUser liaison = fx.user("remind-liaison", Role.UNIT_LIAISON, "县科协");
        CurrentUser office = fx.user("remind-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        jdbc.sql("delete from notification where dedupe_key like 'test:remind:%'").update();
        LocalDate day = LocalDate.of(2026, 12, 13);

        ReminderSource failing = today -> {
            throw new IllegalStateException("broken source");
        };
        ReminderSource deadlines = today -> today.equals(day)
                ? List.of(new Reminder("test:remind:annual:" + today.getYear(), fx.unitId("县科协"), null,
                        "年度落实情况报告将于 12 月 20 日截止", null, "/progress", LocalDate.of(2026, 12, 20)),
                        new Reminder("test:remind:office", null, List.of(office.id()), "3 个单位尚未报送", null, null,
                                LocalDate.of(2026, 12, 20)))
                : List.of();
        ReminderJob job = new ReminderJob(List.of(failing, deadlines), notifications, Clock.systemUTC(), dataSource,
                180, Duration.ofSeconds(-1), null);

        assertThat(job.runFor(day.minusDays(1))).isZero();
        assertThat(job.runFor(day)).isEqualTo(2);
        assertThat(job.runFor(day)).isEqualTo(2);

        assertThat(jdbc.sql("select count(*) from notification where user_id = :u and dedupe_key = 'test:remind:annual:2026'")
                .param("u", liaison.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select title from notification where user_id = :u and dedupe_key = 'test:remind:office'")
                .param("u", office.id()).query(String.class).list()).containsExactly("3 个单位尚未报送");
    }
}
