package org.kepu.activity.stats;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class DashboardPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    StatsFixture fixture;

    @BeforeEach
    void load() {
        fixture = new StatsFixture(jdbc).load();
    }

    @Test
    void officeAdminSeesChartsTablesAndDrillDownLinks() throws Exception {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        mvc.perform(get("/dashboard").param("year", "2087").with(TestFixtures.as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("寻乌县 · 2087年")))
                .andExpect(content().string(containsString("/vendor/echarts/echarts.min.js")))
                .andExpect(content().string(containsString("/js/charts.js")))
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("只统计已提交和已审核的活动")))
                .andExpect(content().string(containsString(
                        "href=\"/activities?year=2087&amp;division=360734&amp;status=COUNTED&amp;keyGroup=YOUTH\"")))
                .andExpect(content().string(containsString(
                        "href=\"/activities?year=2087&amp;division=360734&amp;status=COUNTED&amp;theme=SCI_TECH_WEEK\"")))
                .andExpect(content().string(containsString(
                        "href=\"/activities?year=2087&amp;division=360734&amp;status=COUNTED&amp;month=12\"")))
                .andExpect(content().string(containsString(
                        "href=\"/activities?year=2087&amp;division=360734101&amp;status=COUNTED\"")))
                .andExpect(content().string(containsString("晨光镇")))
                // no inline script: every <script> has a src
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void townshipAdminPageShowsVillagesOfHisTownshipOnly() throws Exception {
        var a = fixture.world().user("stats-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        mvc.perform(get("/dashboard").param("year", "2087").with(TestFixtures.as(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按村（社区）")))
                .andExpect(content().string(containsString("城北社区")))
                .andExpect(content().string(not(containsString("晨光"))))
                .andExpect(content().string(not(containsString("division=360734101"))));
        mvc.perform(get("/dashboard").param("year", "2087").param("division", TestFixtures.TOWNSHIP_B)
                        .with(TestFixtures.as(a)))
                .andExpect(status().isNotFound());
    }

    @Test
    void leaderVillageRecorderAndUnitLiaisonSeeTheirDashboards() throws Exception {
        var leader = fixture.world().user("stats-leader", Role.LEADER, TestFixtures.COUNTY);
        mvc.perform(get("/dashboard").param("year", "2087").with(TestFixtures.as(leader)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("按乡镇（街道）")));
        var recorder = fixture.world().user("stats-recorder", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        mvc.perform(get("/dashboard").param("year", "2087").with(TestFixtures.as(recorder)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("城北社区 · 2087年")));
        var liaison = fixture.world().user("stats-liaison-kx", Role.UNIT_LIAISON, "县科协");
        mvc.perform(get("/dashboard").param("year", "2087").with(TestFixtures.as(liaison)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("县科协组织的活动")))
                .andExpect(content().string(containsString("href=\"/activities?year=2087&amp;status=COUNTED\"")));
    }

    @Test
    void platformAdminGetsNoDataAndBadYearIsExplained() throws Exception {
        var sys = fixture.world().user("stats-sysadmin", Role.SYS_ADMIN, null);
        mvc.perform(get("/dashboard").with(TestFixtures.as(sys))).andExpect(status().isForbidden());
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        mvc.perform(get("/dashboard").param("year", "二〇八七").with(TestFixtures.as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("「年度」应为四位数字年份")));
    }

    @Test
    void defaultYearIsTheCurrentYear() throws Exception {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        int year = java.time.LocalDate.now(ActivityStatsService.ZONE).getYear();
        mvc.perform(get("/dashboard").with(TestFixtures.as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("寻乌县 · " + year + "年")));
    }
}
