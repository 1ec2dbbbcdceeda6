package org.kepu.plan.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.plan.Quarter;
import org.kepu.plan.ReportState;
import org.kepu.plan.TaskProgress;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.TaskCommands;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report workflow (draft, submit, return, resubmit, accept), optimistic locking, audit, evidence and scope. */
@KepuIntegrationTest
class ProgressWorkflowTest {

    static final Quarter Q1 = new Quarter(2024, 1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;
    @Autowired
    ReportCommands commands;
    @Autowired
    ReportReads reads;
    @Autowired
    AnnualReports annual;

    ProgressWorld w;

    @BeforeEach
    void setUp() {
        w = new ProgressWorld(jdbc, plans, tasks, "pw" + System.nanoTime() % 1_000_000);
    }

    private List<String> notices(long userId, String link) {
        return jdbc.sql("select title from notification where user_id = :u and link = :l order by id")
                .param("u", userId).param("l", link).query(String.class).list();
    }

    private ReportInput input(TaskProgress p, String body) {
        return new ReportInput(p, body, List.of(new ReportFigure("举办科普讲座", new BigDecimal("12"), "场")), List.of());
    }

    @Test
    void unitDraftsAndSubmitsOfficeReturnsUnitResubmitsOfficeAccepts() {
        long id = commands.save(w.kexieLiaison, w.task1, Q1, input(TaskProgress.ON_TRACK, "开展了三场讲座"), null, false);
        ProgressReport draft = reads.get(w.kexieLiaison, id);
        assertThat(draft.state()).isEqualTo(ReportState.DRAFT);
        assertThat(draft.figures()).containsExactly(new ReportFigure("举办科普讲座", new BigDecimal("12"), "场"));
        assertThat(draft.unitName()).isEqualTo("县科协");
        // The office does not see drafts.
        assertThatThrownBy(() -> reads.get(w.office, id)).isInstanceOf(NotFoundException.class);

        commands.submit(w.kexieLiaison, id, 0);
        assertThat(reads.get(w.office, id).state()).isEqualTo(ReportState.SUBMITTED);
        assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, Q1, input(TaskProgress.DONE, "改"), 1, false))
                .isInstanceOf(BadRequestException.class).hasMessage("progress.error.notEditable");

        assertThatThrownBy(() -> commands.returnToUnit(w.office, id, 1, " "))
                .isInstanceOf(BadRequestException.class).hasMessage("progress.error.reasonRequired");
        commands.returnToUnit(w.office, id, 1, "请补充讲座的参加人数");
        ProgressReport returned = reads.get(w.kexieLiaison, id);
        assertThat(returned.state()).isEqualTo(ReportState.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("请补充讲座的参加人数");
        assertThat(returned.version()).isEqualTo(2);

        // A stale edit (version 1) is refused and changes nothing.
        assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, Q1, input(TaskProgress.BEHIND, "过期"), 1,
                false)).isInstanceOf(ConflictException.class);
        assertThat(reads.get(w.kexieLiaison, id).body()).isEqualTo("开展了三场讲座");
        // The head edits and resubmits in one step.
        commands.save(w.kexieHead, w.task1, Q1, input(TaskProgress.ON_TRACK, "开展了三场讲座，共 320 人参加"), 2, true);
        ProgressReport resubmitted = reads.get(w.office, id);
        assertThat(resubmitted.state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(resubmitted.returnReason()).isNull();
        assertThat(resubmitted.version()).isEqualTo(4);

        assertThatThrownBy(() -> commands.accept(w.office, id, 3)).isInstanceOf(ConflictException.class);
        commands.accept(w.office, id, 4);
        assertThat(reads.get(w.leader, id).state()).isEqualTo(ReportState.ACCEPTED);
        assertThatThrownBy(() -> commands.returnToUnit(w.office, id, 5, "再改"))
                .hasMessage("progress.error.notSubmitted");

        // Notified: the county office of each submission, the unit's accounts of the return and the acceptance.
        assertThat(notices(w.office.id(), "/progress/reports/" + id)).containsExactly("县科协报送了任务进展",
                "县科协报送了任务进展");
        assertThat(notices(w.otherOffice.id(), "/progress/reports/" + id)).isEmpty();
        assertThat(notices(w.kexieLiaison.id(), "/progress/reports/" + id)).containsExactly("您的报送被退回",
                "您的报送已审核通过");
        assertThat(notices(w.kexieHead.id(), "/progress/reports/" + id)).hasSize(2);
        assertThat(notices(w.eduLiaison.id(), "/progress/reports/" + id)).isEmpty();

        assertThat(w.audits("progress_report", id, "CREATE")).isEqualTo(1);
        assertThat(w.audits("progress_report", id, "UPDATE")).isEqualTo(1);
        assertThat(w.audits("progress_report", id, "SUBMIT")).isEqualTo(2);
        assertThat(w.audits("progress_report", id, "RETURN")).isEqualTo(1);
        assertThat(w.audits("progress_report", id, "ACCEPT")).isEqualTo(1);
    }

    @Test
    void submittingNeedsTextAndAStatus() {
        assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, Q1, input(null, "x"), null, false))
                .hasMessage("progress.error.progressRequired");
        assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, Q1, input(TaskProgress.ON_TRACK, " "), null,
                true)).hasMessage("progress.error.bodyRequired");
        assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, Q1, new ReportInput(TaskProgress.ON_TRACK,
                "x", List.of(new ReportFigure("只有名称", null, null)), List.of()), null, false))
                .hasMessage("progress.error.figure");
        assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, new Quarter(2099, 1),
                input(TaskProgress.ON_TRACK, "x"), null, false)).hasMessage("progress.error.futureQuarter");
        assertThat(reads.list(w.kexieLiaison, new ReportReads.Filter(w.planId, null, null, null, null))).isEmpty();
    }

    @Test
    void evidenceActivitiesMustBeTheUnitsOwn() {
        long ours = w.activity("县科协青少年科普讲座（进度测试）", w.kexie);
        long theirs = w.activity("县教科体局科技节（进度测试）", w.edu);
        TestFixtures.runAs(w.kexieLiaison, () -> {
            assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, Q1, new ReportInput(TaskProgress.ON_TRACK,
                    "x", List.of(), List.of(ours, theirs)), null, false))
                    .isInstanceOf(BadRequestException.class).hasMessage("progress.error.activity");
            assertThatThrownBy(() -> commands.save(w.kexieLiaison, w.task1, Q1, new ReportInput(TaskProgress.ON_TRACK,
                    "x", List.of(), List.of(987_654_321L)), null, false)).hasMessage("progress.error.activity");
            long id = commands.save(w.kexieLiaison, w.task1, Q1, new ReportInput(TaskProgress.ON_TRACK, "x",
                    List.of(), List.of(ours)), null, false);
            assertThat(reads.get(w.kexieLiaison, id).activityIds()).containsExactly(ours);
        });
    }

    @Test
    void aUnitSeesAndChangesOnlyItsOwnReportsTheLeaderOnlyReadsTownshipsSeeNothing() {
        long id = commands.save(w.kexieLiaison, w.task1, Q1, input(TaskProgress.ON_TRACK, "县科协的报送"), null, true);
        // Another unit (cooperating on the same task, or not on it at all) cannot open, list or change it.
        assertThatThrownBy(() -> reads.get(w.eduLiaison, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reads.get(w.womenLiaison, id)).isInstanceOf(NotFoundException.class);
        assertThat(reads.list(w.eduLiaison, new ReportReads.Filter(w.planId, null, null, null, null))).isEmpty();
        assertThatThrownBy(() -> commands.submit(w.eduLiaison, id, 1)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> commands.accept(w.eduLiaison, id, 1)).isInstanceOf(ForbiddenException.class);
        // A unit reports only on tasks it is responsible for.
        assertThatThrownBy(() -> commands.save(w.womenLiaison, w.task1, Q1, input(TaskProgress.ON_TRACK, "x"), null,
                false)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> commands.save(w.eduLiaison, w.task3, Q1, input(TaskProgress.ON_TRACK, "x"), null,
                false)).isInstanceOf(ForbiddenException.class);
        // The cooperating unit writes its own report on the shared task.
        long eduId = commands.save(w.eduLiaison, w.task1, Q1, input(TaskProgress.BEHIND, "县教科体局的报送"), null, false);
        assertThat(eduId).isNotEqualTo(id);
        assertThat(reads.list(w.kexieLiaison, new ReportReads.Filter(w.planId, null, null, null, null)))
                .extracting(ProgressReport::id).containsExactly(id);

        // Leader: reads, never writes.
        assertThat(reads.get(w.leader, id).body()).isEqualTo("县科协的报送");
        assertThatThrownBy(() -> commands.accept(w.leader, id, 1)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> commands.returnToUnit(w.leader, id, 1, "不行")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> commands.save(w.leader, w.task1, Q1, input(TaskProgress.DONE, "x"), null, false))
                .isInstanceOf(ForbiddenException.class);
        // A township account and another county's office see nothing and change nothing.
        assertThatThrownBy(() -> reads.get(w.township, id)).isInstanceOf(NotFoundException.class);
        assertThat(reads.list(w.township, ReportReads.Filter.none())).isEmpty();
        assertThatThrownBy(() -> reads.get(w.otherOffice, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> commands.accept(w.otherOffice, id, 1)).isInstanceOf(ForbiddenException.class);
        // The office of the county does.
        commands.accept(w.office, id, 1);
        assertThat(reads.get(w.kexieLiaison, id).state()).isEqualTo(ReportState.ACCEPTED);
    }

    @Test
    void annualReportFollowsTheSameWorkflowAndScope() {
        long id = annual.save(w.kexieLiaison, 2024, "2024年度县科协落实实施方案情况", List.of(), null, false);
        assertThatThrownBy(() -> annual.get(w.office, id)).isInstanceOf(NotFoundException.class);
        annual.submit(w.kexieLiaison, id, 0);
        assertThat(annual.get(w.office, id).state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(annual.get(w.office, id).due()).isEqualTo(java.time.LocalDate.of(2024, 12, 20));
        assertThatThrownBy(() -> annual.get(w.eduLiaison, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> annual.accept(w.leader, id, 1)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> annual.accept(w.otherOffice, id, 1)).isInstanceOf(ForbiddenException.class);
        annual.returnToUnit(w.office, id, 1, "缺少经费投入情况");
        assertThat(annual.get(w.kexieLiaison, id).returnReason()).isEqualTo("缺少经费投入情况");
        assertThatThrownBy(() -> annual.save(w.kexieLiaison, 2024, "补充", List.of(), 1, true))
                .isInstanceOf(ConflictException.class);
        annual.save(w.kexieLiaison, 2024, "2024年度县科协落实实施方案情况，经费投入 20 万元", List.of(), 2, true);
        annual.accept(w.office, id, 4);
        assertThat(annual.get(w.leader, id).state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(annual.unitsOwing(w.office)).extracting(u -> u.id()).contains(w.kexie, w.edu);
        assertThat(annual.unitsOwing(w.kexieLiaison)).extracting(u -> u.id()).containsExactly(w.kexie);
        assertThat(annual.unitsOwing(w.township)).isEmpty();
        assertThat(w.audits("progress_annual_report", id, "ACCEPT")).isEqualTo(1);
    }
}
