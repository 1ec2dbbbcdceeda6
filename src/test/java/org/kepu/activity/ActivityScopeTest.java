package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kepu.activity.ActivityTestSupport.as;
import static org.kepu.activity.ActivityTestSupport.input;
import static org.kepu.activity.ActivityTestSupport.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A township-A user can neither see nor touch township-B records, by id, filter, page, API or file. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class ActivityScopeTest {

    @Autowired
    ActivityService activities;
    @Autowired
    ActivityEvidenceService evidence;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    TestFixtures fx;
    CurrentUser recorderA;
    CurrentUser adminA;
    CurrentUser recorderB;
    CurrentUser adminB;
    CurrentUser liaisonEdu;
    Activity recordB;
    String shaB;

    @BeforeEach
    void setUp() {
        fx = new TestFixtures(jdbc).ensure();
        recorderA = fx.user("scope-recorder-a", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        adminA = fx.user("scope-admin-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        recorderB = fx.user("scope-recorder-b", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_B1);
        adminB = fx.user("scope-admin-b", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_B);
        liaisonEdu = fx.user("scope-liaison-edu", Role.UNIT_LIAISON, "县教育局");
        Activity created = as(recorderB, () -> activities.create(input(unique("乙镇记录"), TestFixtures.VILLAGE_B1)));
        byte[] png = ActivityTestSupport.uniquePng(20, 20);
        AttachResult r = as(recorderB, () -> evidence.attach(created.id(), new ByteArrayInputStream(png), "b.png",
                EvidenceKind.PHOTO));
        shaB = r.evidence().sha256();
        recordB = as(recorderB, () -> activities.submit(created.id(), created.version()));
    }

    @Test
    void serviceRefusesEveryAccessFromTownshipA() {
        for (CurrentUser u : new CurrentUser[] {recorderA, adminA}) {
            long id = recordB.id();
            int v = recordB.version();
            assertThatThrownBy(() -> as(u, () -> activities.get(id))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(u, () -> evidence.list(id))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(u, () -> activities.update(id, v, input("x", TestFixtures.VILLAGE_A1))))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> as(u, () -> activities.submit(id, v))).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> as(u, () -> evidence.attach(id, new ByteArrayInputStream(
                    ActivityTestSupport.uniquePng(5, 5)), "x.png", EvidenceKind.PHOTO)))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(as(u, () -> evidence.canRead(shaB))).isFalse();
            ActivityFilter byDivision = ActivityFilter.fromParams(Map.of("division",
                    new String[] {TestFixtures.TOWNSHIP_B}));
            assertThat(as(u, () -> activities.search(byDivision)).total()).isZero();
            ActivityFilter byTitle = ActivityFilter.fromParams(Map.of("q", new String[] {recordB.title()}));
            assertThat(as(u, () -> activities.search(byTitle)).total()).isZero();
        }
        assertThatThrownBy(() -> as(adminA, () -> activities.verify(recordB.id(), recordB.version())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(adminA, () -> activities.returnForCorrection(recordB.id(), recordB.version(),
                "x"))).isInstanceOf(ForbiddenException.class);
        ActivityFilter all = ActivityFilter.all().withSize(200);
        assertThat(as(adminA, () -> activities.search(all)).rows())
                .allSatisfy(s -> assertThat(s.divisionCode()).startsWith(TestFixtures.TOWNSHIP_A));
        assertThat(as(adminB, () -> activities.get(recordB.id())).title()).isEqualTo(recordB.title());
    }

    @Test
    void recorderCannotRecordOutsideOwnVillage() {
        assertThatThrownBy(() -> as(recorderA, () -> activities.create(input("越界", TestFixtures.VILLAGE_A2))))
                .isInstanceOfSatisfying(ActivityValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("division"));
        assertThatThrownBy(() -> as(adminA, () -> activities.create(input("越界", TestFixtures.VILLAGE_B1))))
                .isInstanceOf(ActivityValidationException.class);
    }

    @Test
    void unitLiaisonSeesOnlyOwnUnitAndAlwaysOrganizes() {
        long edu = fx.unitId("县教育局");
        long cast = fx.unitId("县科协");
        Activity mine = as(liaisonEdu, () -> activities.create(input(unique("教育局"), TestFixtures.VILLAGE_B2, cast)));
        assertThat(mine.organizerUnitId()).isEqualTo(edu);
        assertThatThrownBy(() -> as(liaisonEdu, () -> activities.get(recordB.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(liaisonEdu, () -> activities.search(ActivityFilter.all().withSize(200))).rows())
                .isNotEmpty().allSatisfy(s -> assertThat(s.organizerUnitId()).isEqualTo(edu));
    }

    @Test
    void pagesApiAndFilesAnswer404And403() throws Exception {
        long id = recordB.id();
        mvc.perform(get("/activities/" + id).with(TestFixtures.as(recorderA))).andExpect(status().isNotFound());
        mvc.perform(get("/activities/" + id + "/edit").with(TestFixtures.as(adminA))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/activities/" + id).with(TestFixtures.as(adminA))).andExpect(status().isNotFound());
        mvc.perform(get("/evidence/" + shaB).with(TestFixtures.as(adminA))).andExpect(status().isNotFound());
        mvc.perform(get("/evidence/" + shaB + "/thumbnail").with(TestFixtures.as(recorderA)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/activities/" + id + "/verify").param("version", "" + recordB.version())
                .with(TestFixtures.as(adminA)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/activities/" + id + "/verify").param("version", "" + recordB.version())
                .with(TestFixtures.as(adminA)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/activities/" + id + "/evidence")
                .file(new MockMultipartFile("files", "a.png", "image/png", ActivityTestSupport.uniquePng(4, 4)))
                .with(TestFixtures.as(adminA)).with(csrf())).andExpect(status().isForbidden());
        String html = mvc.perform(get("/activities").param("division", TestFixtures.TOWNSHIP_B)
                .with(TestFixtures.as(adminA))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain(recordB.title());
        String json = mvc.perform(get("/api/v1/activities").param("q", recordB.title())
                .with(TestFixtures.as(adminA))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(json).contains("\"total\":0");
        mvc.perform(get("/evidence/" + shaB).with(TestFixtures.as(adminB))).andExpect(status().isOk());
    }
}
