package org.kepu.plan.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.notification.Reminder;
import org.kepu.plan.Quarter;
import org.kepu.plan.TaskProgress;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.TaskCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reminders of progress reporting for given days: 7 and 1 days ahead, on the day, once overdue. */
@KepuIntegrationTest
class ProgressRemindersTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;
    @Autowired
    ReportCommands commands;
    @Autowired
    AnnualReports annual;
    @Autowired
    ProgressReminders reminders;

    ProgressWorld w;

    @BeforeEach
    void setUp() {
        w = new ProgressWorld(jdbc, plans, tasks, "pr" + System.nanoTime() % 1_000_000);
    }

    /** The keys of the reminders of this test's plan, tasks and units. */
    private List<String> keys(LocalDate today, String kind) {
        String prefix = switch (kind) {
            case "quarter" -> "progress:quarter:" + w.planId + ":";
            case "task" -> "progress:task:";
            default -> "progress:annual:";
        };
        return reminders.remindersDue(today).stream().map(Reminder::dedupeKey).filter(k -> k.startsWith(prefix))
                .filter(k -> !kind.equals("task") || k.startsWith("progress:task:" + w.task2 + ":")
                        || k.startsWith("progress:task:" + w.task1 + ":"))
                .filter(k -> !kind.equals("annual") || k.contains(":" + w.kexie + ":") || k.contains(":" + w.edu + ":"))
                .sorted().toList();
    }

    @Test
    void quarterlyReportRemindersSevenDaysAndOneDayAheadAndOnceOverdue() {
        // 县教科体局 has reported on task 1 for 2024Q2; task 2 is still open. 县科协 owes task 1 and task 3.
        commands.save(w.eduLiaison, w.task1, new Quarter(2024, 2),
                new ReportInput(TaskProgress.ON_TRACK, "进展", List.of(), List.of()), null, true);
        String k = "progress:quarter:" + w.planId + ":";
        assertThat(keys(LocalDate.of(2024, 7, 2), "quarter")).isEmpty();
        assertThat(keys(LocalDate.of(2024, 7, 3), "quarter"))
                .containsExactlyInAnyOrder(k + w.kexie + ":2024Q2:d7", k + w.edu + ":2024Q2:d7");
        assertThat(keys(LocalDate.of(2024, 7, 8), "quarter"))
                .containsExactlyInAnyOrder(k + w.kexie + ":2024Q2:d7", k + w.edu + ":2024Q2:d7");
        assertThat(keys(LocalDate.of(2024, 7, 9), "quarter"))
                .containsExactlyInAnyOrder(k + w.kexie + ":2024Q2:d1", k + w.edu + ":2024Q2:d1");
        assertThat(keys(LocalDate.of(2024, 7, 10), "quarter"))
                .containsExactlyInAnyOrder(k + w.kexie + ":2024Q2:d1", k + w.edu + ":2024Q2:d1");
        assertThat(keys(LocalDate.of(2024, 7, 11), "quarter"))
                .containsExactlyInAnyOrder(k + w.kexie + ":2024Q2:overdue", k + w.edu + ":2024Q2:overdue");

        Reminder r = reminders.remindersDue(LocalDate.of(2024, 7, 3)).stream()
                .filter(x -> x.dedupeKey().equals(k + w.kexie + ":2024Q2:d7")).findFirst().orElseThrow();
        assertThat(r.unitId()).isEqualTo(w.kexie);
        assertThat(r.dueOn()).isEqualTo(LocalDate.of(2024, 7, 10));
        assertThat(r.body()).contains("还有 2 项任务未报送2024年第2季度进展");
        assertThat(r.link()).isEqualTo("/progress/my?quarter=2024Q2");

        // Once everything is in, nobody is reminded. Before the plan was issued (2023Q4) nothing is owed.
        commands.save(w.eduLiaison, w.task2, new Quarter(2024, 2),
                new ReportInput(TaskProgress.DONE, "已完成", List.of(), List.of()), null, true);
        assertThat(keys(LocalDate.of(2024, 7, 9), "quarter")).containsExactly(k + w.kexie + ":2024Q2:d1");
        assertThat(keys(LocalDate.of(2024, 1, 9), "quarter")).isEmpty();
    }

    @Test
    void taskDeadlineReminders() {
        String k = "progress:task:" + w.task2 + ":" + w.edu + ":";
        assertThat(keys(LocalDate.of(2024, 5, 23), "task")).isEmpty();
        assertThat(keys(LocalDate.of(2024, 5, 24), "task")).containsExactly(k + "d7");
        assertThat(keys(LocalDate.of(2024, 5, 31), "task")).containsExactly(k + "d1");
        assertThat(keys(LocalDate.of(2024, 6, 1), "task")).containsExactly(k + "overdue");
        assertThat(keys(LocalDate.of(2024, 7, 2), "task")).isEmpty();
        // Reported done: no more reminders about the deadline.
        commands.save(w.eduLiaison, w.task2, new Quarter(2024, 2),
                new ReportInput(TaskProgress.DONE, "已完成", List.of(), List.of()), null, true);
        assertThat(keys(LocalDate.of(2024, 6, 1), "task")).isEmpty();
    }

    @Test
    void annualReportRemindersBeforeTheTwentiethOfDecember() {
        annual.save(w.eduLiaison, 2023, "2023年度实施情况", List.of(), null, true);
        String kexie = "progress:annual:" + w.kexie + ":2023:";
        assertThat(keys(LocalDate.of(2023, 12, 12), "annual")).noneMatch(x -> x.contains(":2023:"));
        assertThat(keys(LocalDate.of(2023, 12, 13), "annual")).filteredOn(x -> x.contains(":2023:"))
                .containsExactly(kexie + "d7");
        assertThat(keys(LocalDate.of(2023, 12, 20), "annual")).filteredOn(x -> x.contains(":2023:"))
                .containsExactly(kexie + "d1");
        assertThat(keys(LocalDate.of(2023, 12, 21), "annual")).filteredOn(x -> x.contains(":2023:"))
                .containsExactly(kexie + "overdue");
        assertThat(keys(LocalDate.of(2024, 1, 5), "annual")).filteredOn(x -> x.contains(":2023:"))
                .containsExactly(kexie + "overdue");
    }
}
