package org.kepu.plan.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.plan.ProgressCell;
import org.kepu.plan.ProgressMatrix;
import org.kepu.plan.Quarter;
import org.kepu.plan.TaskProgress;
import org.kepu.plan.UnitReporting;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.TaskCommands;
import org.kepu.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Due dates and overdue at their boundaries, and the reporting status and the units × tasks matrix of a small plan
 * against hand-worked expectations.
 */
@KepuIntegrationTest
class ProgressStatusTest {

    static final Quarter Q1 = new Quarter(2024, 1);
    static final Quarter Q2 = new Quarter(2024, 2);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;
    @Autowired
    ReportCommands commands;
    @Autowired
    ProgressStatus status;

    ProgressWorld w;

    @BeforeEach
    void setUp() {
        w = new ProgressWorld(jdbc, plans, tasks, "ps" + System.nanoTime() % 1_000_000);
    }

    @Test
    void aQuartersReportIsDueOnTheTenthOfTheNextMonthAndOverdueFromTheDayAfter() {
        ProgressProperties props = ProgressProperties.defaults();
        assertThat(props.quarterDue(Q1)).isEqualTo(LocalDate.of(2024, 4, 10));
        assertThat(props.quarterDue(new Quarter(2024, 4))).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(props.quarterOverdue(Q2, LocalDate.of(2024, 7, 10))).isFalse();
        assertThat(props.quarterOverdue(Q2, LocalDate.of(2024, 7, 11))).isTrue();
        assertThat(new ProgressProperties(15, "12-31", List.of(3)).quarterDue(Q2)).isEqualTo(LocalDate.of(2024, 7, 15));
        assertThat(props.annualDue(2024)).isEqualTo(LocalDate.of(2024, 12, 20));
        assertThat(Quarter.reportingOn(LocalDate.of(2024, 7, 1))).isEqualTo(Q2);
        assertThat(Quarter.reportingOn(LocalDate.of(2024, 1, 5))).isEqualTo(new Quarter(2023, 4));
        assertThat(Quarter.parse("2024Q3")).isEqualTo(new Quarter(2024, 3));
        assertThat(Quarter.parse("2024Q5")).isNull();

        // A task with a deadline of 2024-05-31 is overdue from 2024-06-01 unless reported 已完成.
        assertThat(ProgressStatus.classify(null, false, true, false, LocalDate.of(2024, 5, 31),
                LocalDate.of(2024, 5, 31))).isEqualTo(ProgressCell.NOT_REPORTED);
        assertThat(ProgressStatus.classify(null, false, true, false, LocalDate.of(2024, 5, 31),
                LocalDate.of(2024, 6, 1))).isEqualTo(ProgressCell.OVERDUE);
        assertThat(ProgressStatus.classify(new ProgressStatus.Latest(1, Q1, TaskProgress.DONE), false, true, true,
                LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 1))).isEqualTo(ProgressCell.DONE);
        // A quarter before the plan was issued owes nothing.
        assertThat(ProgressStatus.classify(null, false, false, true, null, LocalDate.of(2024, 6, 1)))
                .isEqualTo(ProgressCell.NOT_REPORTED);
    }

    private void fixture() {
        // Q1: 县科协 on task 1 on track (accepted), on task 3 done (accepted); 县教科体局 on task 2 on track (accepted).
        long a = commands.save(w.kexieLiaison, w.task1, Q1, input(TaskProgress.ON_TRACK), null, true);
        commands.accept(w.office, a, 1);
        long b = commands.save(w.kexieLiaison, w.task3, Q1, input(TaskProgress.DONE), null, true);
        commands.accept(w.office, b, 1);
        long c = commands.save(w.eduLiaison, w.task2, Q1, input(TaskProgress.ON_TRACK), null, true);
        commands.accept(w.office, c, 1);
        // Q2: 县教科体局 on task 1 behind (submitted); 县科协 on task 1 only a draft.
        commands.save(w.eduLiaison, w.task1, Q2, input(TaskProgress.BEHIND), null, true);
        commands.save(w.kexieLiaison, w.task1, Q2, input(TaskProgress.DONE), null, false);
    }

    private static ReportInput input(TaskProgress p) {
        return new ReportInput(p, "本季度进展", List.of(), List.of());
    }

    @Test
    void theMatrixColoursEachUnitsLatestStatusAndOverdueCells() {
        fixture();
        ProgressMatrix onDueDay = status.matrix(w.office, w.planId, Q2, LocalDate.of(2024, 7, 10));
        assertThat(onDueDay.units()).extracting(ProgressMatrix.Unit::name).containsExactly("县科协", "县教科体局");
        assertThat(onDueDay.tasks()).extracting(ProgressMatrix.Task::id).containsExactly(w.task1, w.task2, w.task3);
        assertThat(onDueDay.cell(w.kexie, w.task1).status()).isEqualTo(ProgressCell.ON_TRACK);
        assertThat(onDueDay.cell(w.kexie, w.task1).reportedFor()).isEqualTo(Q1);
        assertThat(onDueDay.cell(w.kexie, w.task1).lead()).isTrue();
        assertThat(onDueDay.cell(w.kexie, w.task2)).isNull();
        assertThat(onDueDay.cell(w.kexie, w.task3).status()).isEqualTo(ProgressCell.DONE);
        assertThat(onDueDay.cell(w.edu, w.task1).status()).isEqualTo(ProgressCell.BEHIND);
        assertThat(onDueDay.cell(w.edu, w.task1).lead()).isFalse();
        assertThat(onDueDay.cell(w.edu, w.task2).status()).isEqualTo(ProgressCell.OVERDUE);
        assertThat(onDueDay.count(ProgressCell.OVERDUE)).isEqualTo(1);

        ProgressMatrix dayAfter = status.matrix(w.office, w.planId, Q2, LocalDate.of(2024, 7, 11));
        assertThat(dayAfter.cell(w.kexie, w.task1).status()).isEqualTo(ProgressCell.OVERDUE);
        assertThat(dayAfter.cell(w.kexie, w.task3).status()).isEqualTo(ProgressCell.DONE);
        assertThat(dayAfter.cell(w.edu, w.task1).status()).isEqualTo(ProgressCell.BEHIND);
        assertThat(dayAfter.count(ProgressCell.OVERDUE)).isEqualTo(2);
        assertThat(dayAfter.units().get(0).counts()).isEqualTo(Map.of(ProgressCell.OVERDUE, 1, ProgressCell.DONE, 1));

        // Q1 seen on 2024-04-10: task 2's deadline (05-31) had not passed yet.
        ProgressMatrix q1 = status.matrix(w.office, w.planId, Q1, LocalDate.of(2024, 4, 10));
        assertThat(q1.cell(w.edu, w.task2).status()).isEqualTo(ProgressCell.ON_TRACK);
        assertThat(q1.cell(w.edu, w.task1).status()).isEqualTo(ProgressCell.NOT_REPORTED);

        // A unit sees only its own row; a township account does not see the plan at all.
        ProgressMatrix own = status.matrix(w.eduLiaison, w.planId, Q2, LocalDate.of(2024, 7, 11));
        assertThat(own.units()).extracting(ProgressMatrix.Unit::id).containsExactly(w.edu);
        assertThat(own.tasks()).extracting(ProgressMatrix.Task::id).containsExactly(w.task1, w.task2);
        assertThatThrownBy(() -> status.matrix(w.township, w.planId, Q2, LocalDate.of(2024, 7, 11)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> status.matrix(w.otherOffice, w.planId, Q2, LocalDate.of(2024, 7, 11)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theReportingStatusCountsWhoHasAndHasNotReported() {
        fixture();
        Map<Long, UnitReporting> onDueDay = byUnit(status.reporting(w.office, w.planId, Q2, LocalDate.of(2024, 7, 10)));
        UnitReporting kexie = onDueDay.get(w.kexie);
        // Task 3 was reported done in Q1, so only task 1 is due; its Q2 report is a draft.
        assertThat(kexie).isEqualTo(new UnitReporting(w.kexie, "县科协", 1, 0, 0, 0, 1, 1, false));
        assertThat(onDueDay.get(w.edu)).isEqualTo(new UnitReporting(w.edu, "县教科体局", 2, 0, 1, 0, 0, 1, false));

        Map<Long, UnitReporting> dayAfter = byUnit(status.reporting(w.office, w.planId, Q2, LocalDate.of(2024, 7, 11)));
        assertThat(dayAfter.get(w.kexie).overdue()).isTrue();
        assertThat(dayAfter.get(w.edu).overdue()).isTrue();

        Map<Long, UnitReporting> q1 = byUnit(status.reporting(w.office, w.planId, Q1, LocalDate.of(2024, 7, 11)));
        assertThat(q1.get(w.kexie)).isEqualTo(new UnitReporting(w.kexie, "县科协", 2, 2, 0, 0, 0, 0, false));
        assertThat(q1.get(w.edu)).isEqualTo(new UnitReporting(w.edu, "县教科体局", 2, 1, 0, 0, 0, 1, true));
        // Before the plan was issued nothing is overdue.
        assertThat(status.reporting(w.office, w.planId, new Quarter(2023, 4), LocalDate.of(2024, 7, 11)))
                .noneMatch(UnitReporting::overdue);

        assertThat(status.reporting(w.kexieLiaison, w.planId, Q2, LocalDate.of(2024, 7, 11)))
                .extracting(UnitReporting::unitId).containsExactly(w.kexie);
        assertThat(status.reporting(w.leader, w.planId, Q2, LocalDate.of(2024, 7, 11))).hasSize(2);
    }

    private static Map<Long, UnitReporting> byUnit(List<UnitReporting> rows) {
        return rows.stream().collect(Collectors.toMap(UnitReporting::unitId, Function.identity()));
    }
}
