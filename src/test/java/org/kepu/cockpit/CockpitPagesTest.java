package org.kepu.cockpit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The leader view, the wall display and the indicator dashboards: figures, scope, roles, read-only. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class CockpitPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CockpitFixture fixture;
    CurrentUser leader;
    CurrentUser office;
    CurrentUser townshipLeader;

    @BeforeEach
    void setUp() {
        fixture = new CockpitFixture(jdbc).load();
        leader = fixture.user("cockpit-leader", Role.LEADER, CockpitFixture.COUNTY);
        office = fixture.user("cockpit-office", Role.OFFICE_ADMIN, CockpitFixture.COUNTY);
        townshipLeader = fixture.user("cockpit-leader-a", Role.LEADER, CockpitFixture.A);
    }

    @AfterEach
    void tearDown() {
        fixture.clean();
    }

    @Test
    void leadersLandOnTheCockpitAndSeeTheFigures() throws Exception {
        mvc.perform(get("/").with(as(leader))).andExpect(redirectedUrl("/cockpit"));
        mvc.perform(get("/").with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/cockpit\"")));
        mvc.perform(get("/cockpit").param("year", "2020").with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("驾测县 · 2020年领导驾驶舱")))
                // headline: 7 activities, 425 participants, each linked to its records
                .andExpect(content().string(containsString("data-headline=\"activity_count\"")))
                .andExpect(content().string(containsString(
                        "href=\"/activities?year=2020&amp;division=870101&amp;status=COUNTED\" class=\"text-nowrap\""
                                + " data-value=\"7\"")))
                .andExpect(content().string(containsString("data-value=\"425\"")))
                // status counts: one achieved, one behind
                .andExpect(content().string(containsString("data-count=\"ACHIEVED\">1<")))
                .andExpect(content().string(containsString("data-count=\"BEHIND\">1<")))
                // township ranking: 甲 and 丙 tie first, 乙 third; 甲 0.75 per 10,000, 50 % of its target
                .andExpect(content().string(containsString("data-division=\"870101100\" data-rank=\"1\"")))
                .andExpect(content().string(containsString("data-division=\"870101102\" data-rank=\"1\"")))
                .andExpect(content().string(containsString("data-division=\"870101101\" data-rank=\"3\"")))
                .andExpect(content().string(containsString("data-per10k=\"0.75\"")))
                .andExpect(content().string(containsString("data-completion=\"50.0\"")))
                // units: 教育局 first (3 activities, 235 people), 科协 66.7 % of its targets on track
                .andExpect(content().string(containsString("data-unit=\"" + fixture.unitId(CockpitFixture.JY)
                        + "\" data-rank=\"1\"")))
                .andExpect(content().string(containsString("data-share=\"66.7\"")))
                .andExpect(content().string(containsString("&amp;unit=" + fixture.unitId(CockpitFixture.KX)
                        + "&amp;status=COUNTED")))
                // plan execution: 4 tasks, 1 achieved, 2 behind
                .andExpect(content().string(containsString("data-plan=\"" + fixture.planId + "\"")))
                .andExpect(content().string(containsString("/progress/matrix?plan=" + fixture.planId + "&quarter=")))
                .andExpect(content().string(containsString("data-status-count=\"BEHIND\">2<")))
                .andExpect(content().string(containsString("cockpit-fixture-")))
                // read-only: no form posts anything but the sign-out
                .andExpect(content().string(not(containsString("method=\"post\" action=\"/cockpit"))));
        mvc.perform(get("/cockpit").param("year", "2020").with(as(office))).andExpect(status().isOk());
    }

    @Test
    void rankingsCanBeOrderedByPerCapitaAndCompletion() throws Exception {
        mvc.perform(get("/indicators/rankings").param("year", "2020").param("division", CockpitFixture.COUNTY)
                .param("indicator", "activity_count").param("sort", "completion").with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-division=\"870101101\" data-rank=\"1\"")))
                .andExpect(content().string(containsString("data-division=\"870101100\" data-rank=\"2\"")))
                .andExpect(content().string(containsString("data-division=\"870101102\" data-rank=\"3\"")))
                .andExpect(content().string(containsString("data-chart=")));
        mvc.perform(get("/indicators/rankings").param("year", "2020").param("indicator", "no_such_indicator")
                .with(as(leader))).andExpect(status().isNotFound());
    }

    @Test
    void indicatorCardsShowValueTargetStatusAndTrend() throws Exception {
        mvc.perform(get("/indicators/dashboard").param("year", "2020").with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-indicator=\"activity_count\"")))
                .andExpect(content().string(containsString("data-indicator=\"participant_count\"")))
                .andExpect(content().string(not(containsString("data-indicator=\"material_count\""))))
                .andExpect(content().string(containsString("data-status=\"ACHIEVED\"")))
                .andExpect(content().string(containsString("data-status=\"BEHIND\"")))
                .andExpect(content().string(containsString("class=\"kepu-spark mt-2\" data-chart=")))
                // the trend's March point links to March's records
                .andExpect(content().string(containsString("/activities?year=2020&amp;month=3&amp;division=870101")));
        mvc.perform(get("/indicators/dashboard").param("year", "2020").param("all", "true").with(as(leader)))
                .andExpect(content().string(containsString("data-indicator=\"material_count\"")));
    }

    @Test
    void aTownshipLeaderSeesOnlyItsSubtree() throws Exception {
        mvc.perform(get("/cockpit").param("year", "2020").with(as(townshipLeader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲镇 · 2020年领导驾驶舱")))
                .andExpect(content().string(containsString("data-value=\"3\"")))
                .andExpect(content().string(not(containsString("乙镇"))));
        for (String code : new String[] {CockpitFixture.B, CockpitFixture.COUNTY, CockpitFixture.B1, "999999"}) {
            mvc.perform(get("/cockpit").param("division", code).with(as(townshipLeader)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/cockpit/wall").param("division", code).with(as(townshipLeader)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/cockpit/wall/data").param("division", code).with(as(townshipLeader)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/indicators/dashboard").param("division", code).with(as(townshipLeader)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/indicators/rankings").param("division", code).with(as(townshipLeader)))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void otherRolesCannotOpenTheCockpit() throws Exception {
        CurrentUser township = fixture.user("cockpit-township", Role.TOWNSHIP_ADMIN, CockpitFixture.A);
        mvc.perform(get("/cockpit").with(as(township))).andExpect(status().isForbidden());
        mvc.perform(get("/cockpit/wall").with(as(township))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(as(township)))
                .andExpect(content().string(not(containsString("href=\"/cockpit\""))));
    }

    @Test
    void leadersCannotWrite() throws Exception {
        String[] posts = {"/activities", "/plans", "/plans/" + fixture.planId + "/status",
            "/plans/" + fixture.planId + "/tasks", "/indicators/targets",
            "/indicators/targets/" + fixture.targetA + "/delete", "/units",
            "/units/" + fixture.unitId(CockpitFixture.KX) + "/edit", "/divisions/" + CockpitFixture.A + "/edit"};
        for (String url : posts) {
            int code = mvc.perform(post(url).with(csrf()).with(as(leader)).param("version", "0")
                    .param("status", "CLOSED").param("title", "领导不能写").param("name", "领导不能写"))
                    .andReturn().getResponse().getStatus();
            org.assertj.core.api.Assertions.assertThat(code).as("POST " + url).isEqualTo(403);
        }
        // the API refuses them too, and so it does evaluators (the other read-only role)
        CurrentUser evaluator = fixture.user("cockpit-evaluator", Role.EVALUATOR, CockpitFixture.COUNTY);
        for (CurrentUser u : new CurrentUser[] {leader, evaluator}) {
            mvc.perform(post("/api/v1/activities").with(csrf()).with(as(u)).contentType("application/json")
                    .content("{\"title\": \"领导不能写\"}")).andExpect(status().isForbidden());
            mvc.perform(post("/indicators/targets").with(csrf()).with(as(u))).andExpect(status().isForbidden());
        }
        // their own password stays theirs to change (a wrong current password: the form again, not 403)
        mvc.perform(post("/account/password").with(csrf()).with(as(leader)).param("currentPassword", "wrong")
                .param("newPassword", "x").param("confirmPassword", "x")).andExpect(status().isBadRequest());
        // and their own inbox
        mvc.perform(post("/notifications/read-all").with(csrf()).with(as(leader)))
                .andExpect(status().is3xxRedirection());
        // nothing changed
        mvc.perform(get("/cockpit").param("year", "2020").with(as(leader)))
                .andExpect(content().string(containsString("data-plan=\"" + fixture.planId + "\"")));
    }

    @Test
    void theWallHasNoNavigationAndPollsItsPanels() throws Exception {
        mvc.perform(get("/cockpit/wall").param("year", "2020").with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<nav"))))
                .andExpect(content().string(not(containsString("/logout"))))
                .andExpect(content().string(containsString("class=\"kepu-wall\"")))
                .andExpect(content().string(containsString(
                        "hx-get=\"/cockpit/wall/data?division=870101&amp;year=2020&amp;refresh=60\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 60s\"")))
                .andExpect(content().string(containsString("id=\"wall-updated\"")))
                .andExpect(content().string(containsString("data-headline=\"activity_count\"")))
                .andExpect(content().string(containsString("data-count=\"ACHIEVED\"")))
                .andExpect(content().string(not(containsString("hx-swap-oob"))));
        mvc.perform(get("/cockpit/wall").param("refresh", "15").with(as(leader)))
                .andExpect(content().string(containsString("hx-trigger=\"every 15s\"")))
                .andExpect(content().string(containsString("hx-get=\"/cockpit/wall/data?division=870101&amp;refresh=15\"")));
        mvc.perform(get("/cockpit/wall").param("refresh", "1").with(as(leader))).andExpect(status().isBadRequest());
        mvc.perform(get("/cockpit/wall/data").param("year", "2020").with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Kepu-Wall", "1"))
                .andExpect(content().string(containsString("id=\"wall-headline\" class=\"kepu-wall-headline\""
                        + " hx-swap-oob=\"true\"")))
                .andExpect(content().string(containsString("id=\"wall-updated\"")))
                .andExpect(content().string(containsString("<span class=\"n\">1</span>")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void anExpiredSessionGetsTheSignInRedirectWithoutTheWallHeader() throws Exception {
        mvc.perform(get("/cockpit/wall/data").header("HX-Request", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login*"))
                .andExpect(header().doesNotExist("X-Kepu-Wall"));
    }
}
