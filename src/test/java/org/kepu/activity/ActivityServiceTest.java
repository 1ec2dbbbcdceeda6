package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kepu.activity.ActivityTestSupport.as;
import static org.kepu.activity.ActivityTestSupport.input;
import static org.kepu.activity.ActivityTestSupport.unique;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class ActivityServiceTest {

    @Autowired
    ActivityService activities;
    @Autowired
    JdbcClient jdbc;

    TestFixtures fx;
    CurrentUser recorderA1;
    CurrentUser adminA;
    CurrentUser adminB;
    CurrentUser office;
    CurrentUser leader;
    CurrentUser sysAdmin;

    @BeforeEach
    void setUp() {
        fx = new TestFixtures(jdbc).ensure();
        recorderA1 = fx.user("act-recorder-a1", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        adminA = fx.user("act-admin-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        adminB = fx.user("act-admin-b", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_B);
        office = fx.user("act-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        leader = fx.user("act-leader", Role.LEADER, TestFixtures.COUNTY);
        sysAdmin = fx.user("act-sysadmin", Role.SYS_ADMIN, null);
    }

    @Test
    void draftSubmitReturnResubmitVerify() {
        Activity a = as(recorderA1, () -> activities.create(input(unique("流程"), TestFixtures.VILLAGE_A1)));
        assertThat(a.status()).isEqualTo(ActivityStatus.DRAFT);
        assertThat(a.createdBy()).isEqualTo(recorderA1.id());

        Activity submitted = as(recorderA1, () -> activities.submit(a.id(), a.version()));
        assertThat(submitted.status()).isEqualTo(ActivityStatus.SUBMITTED);
        assertThat(submitted.submittedAt()).isNotNull();

        assertThatThrownBy(() -> as(recorderA1, () -> activities.verify(a.id(), submitted.version())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(adminA, () -> activities.returnForCorrection(a.id(), submitted.version(), " ")))
                .isInstanceOf(ActivityValidationException.class);
        Activity returned = as(adminA, () -> activities.returnForCorrection(a.id(), submitted.version(), "缺签到表"));
        assertThat(returned.status()).isEqualTo(ActivityStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("缺签到表");

        Activity edited = as(recorderA1, () -> activities.update(a.id(), returned.version(),
                input(a.title() + "（修改）", TestFixtures.VILLAGE_A1)));
        Activity resubmitted = as(recorderA1, () -> activities.submit(a.id(), edited.version()));
        Activity verified = as(adminA, () -> activities.verify(a.id(), resubmitted.version()));
        assertThat(verified.status()).isEqualTo(ActivityStatus.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo(adminA.id());
        assertThat(verified.returnReason()).isNull();

        long audited = jdbc.sql("select count(*) from audit_log where entity_type = 'activity' and entity_id = :id"
                + " and action in ('CREATE','SUBMIT','RETURN','UPDATE','VERIFY')").param("id", Long.toString(a.id()))
                .query(Long.class).single();
        assertThat(audited).isEqualTo(6);
    }

    @Test
    void verifiedRecordsChangeOnlyByOfficeAndAreAudited() {
        Activity a = verifiedIn(TestFixtures.VILLAGE_A1);
        assertThatThrownBy(() -> as(recorderA1, () -> activities.update(a.id(), a.version(),
                input("改", TestFixtures.VILLAGE_A1)))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> as(adminA, () -> activities.update(a.id(), a.version(),
                input("改", TestFixtures.VILLAGE_A1)))).isInstanceOf(BadRequestException.class);
        Activity changed = as(office, () -> activities.update(a.id(), a.version(),
                input(a.title() + "-更正", TestFixtures.VILLAGE_A1)));
        assertThat(changed.status()).isEqualTo(ActivityStatus.VERIFIED);
        String before = jdbc.sql("select before_data ->> 'title' from audit_log where action = 'UPDATE_VERIFIED'"
                + " and entity_id = :id").param("id", Long.toString(a.id())).query(String.class).single();
        assertThat(before).isEqualTo(a.title());
    }

    @Test
    void staleVersionIsAConflictAndNothingIsOverwritten() {
        Activity a = as(recorderA1, () -> activities.create(input(unique("锁"), TestFixtures.VILLAGE_A1)));
        as(adminA, () -> activities.update(a.id(), a.version(), input(a.title() + "-A", TestFixtures.VILLAGE_A1)));
        assertThatThrownBy(() -> as(recorderA1, () -> activities.update(a.id(), a.version(),
                input(a.title() + "-B", TestFixtures.VILLAGE_A1)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(recorderA1, () -> activities.submit(a.id(), a.version())))
                .isInstanceOf(ConflictException.class);
        assertThat(as(recorderA1, () -> activities.get(a.id())).title()).isEqualTo(a.title() + "-A");
    }

    @Test
    void onlyDraftsCanBeDeleted() {
        Activity a = as(recorderA1, () -> activities.create(input(unique("删"), TestFixtures.VILLAGE_A1)));
        Activity s = as(recorderA1, () -> activities.submit(a.id(), a.version()));
        assertThatThrownBy(() -> run(recorderA1, () -> activities.deleteDraft(a.id(), s.version())))
                .isInstanceOf(BadRequestException.class);
        Activity b = as(recorderA1, () -> activities.create(input(unique("删"), TestFixtures.VILLAGE_A1)));
        run(recorderA1, () -> activities.deleteDraft(b.id(), b.version()));
        assertThatThrownBy(() -> as(recorderA1, () -> activities.get(b.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void readOnlyRolesAndPlatformAdmins() {
        Activity a = as(recorderA1, () -> activities.create(input(unique("只读"), TestFixtures.VILLAGE_A1)));
        assertThat(as(leader, () -> activities.get(a.id())).title()).isEqualTo(a.title());
        assertThatThrownBy(() -> as(leader, () -> activities.create(input("x", TestFixtures.VILLAGE_A1))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(leader, () -> activities.submit(a.id(), a.version())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(sysAdmin, () -> activities.get(a.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as(sysAdmin, () -> activities.search(ActivityFilter.all())).total()).isZero();
    }

    @Test
    void fieldRulesNameTheFields() {
        var bad = new ActivityInput("", "NOPE", "LECTURE", java.util.List.of(),
                java.time.LocalDateTime.of(2026, 5, 2, 10, 0), java.time.LocalDateTime.of(2026, 5, 1, 10, 0),
                TestFixtures.VILLAGE_B1, null, java.util.List.of(), -1, 0, 0, 0, null, null);
        assertThatThrownBy(() -> as(recorderA1, () -> activities.create(bad)))
                .isInstanceOfSatisfying(ActivityValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("title", "theme", "keyGroups", "endsAt", "division", "participantsOnsite"));
    }

    @Test
    void townshipAdminCannotVerifyAnotherTownship() {
        Activity a = as(recorderA1, () -> activities.create(input(unique("跨乡"), TestFixtures.VILLAGE_A1)));
        Activity s = as(recorderA1, () -> activities.submit(a.id(), a.version()));
        assertThatThrownBy(() -> as(adminB, () -> activities.verify(a.id(), s.version())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(as(office, () -> activities.verify(a.id(), s.version())).status())
                .isEqualTo(ActivityStatus.VERIFIED);
    }

    private Activity verifiedIn(String division) {
        Activity a = as(recorderA1, () -> activities.create(input(unique("已审"), division)));
        Activity s = as(recorderA1, () -> activities.submit(a.id(), a.version()));
        return as(adminA, () -> activities.verify(a.id(), s.version()));
    }

    private static void run(CurrentUser user, Runnable r) {
        TestFixtures.runAs(user, r);
    }
}
