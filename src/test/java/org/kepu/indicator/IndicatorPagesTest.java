package org.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** The indicator pages: values with drill-downs, periods, scope, and the office admin's forms. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class IndicatorPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorService indicators;

    IndicatorFixture fixture;
    CurrentUser office;

    @BeforeEach
    void load() {
        fixture = new IndicatorFixture(jdbc).load();
        office = fixture.user("ind-office", Role.OFFICE_ADMIN, IndicatorFixture.COUNTY);
        cleanUp();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from indicator_target where division_path like '85/%'").update();
        jdbc.sql("delete from indicator where code like 'web\\_%'").update();
        jdbc.sql("delete from indicator_data_element where code like 'web\\_%'").update();
    }

    long id(String code) {
        return indicators.findByCode(code).orElseThrow().id();
    }

    @Test
    void listShowsValuesWithDrillDownsForThePeriod() throws Exception {
        mvc.perform(get("/indicators").param("year", "2091").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("指测县 · 2091年")))
                .andExpect(content().string(containsString(
                        "href=\"/activities?year=2091&amp;division=850101&amp;status=COUNTED\" class=\"text-nowrap\""
                                + " data-value=\"8\"")))
                .andExpect(content().string(containsString("data-value=\"2370\"")))
                .andExpect(content().string(containsString("data-value=\"100.0\"")))
                .andExpect(content().string(containsString("未设目标")))
                .andExpect(content().string(containsString("/indicators/manage")));
        mvc.perform(get("/indicators").param("year", "2091").param("part", "Q1").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2091年第一季度")))
                .andExpect(content().string(containsString(
                        "href=\"/activities?from=2091-01-01&amp;to=2091-03-31&amp;division=850101&amp;status=COUNTED\"")));
        mvc.perform(get("/indicators").param("period", "2091-03-15..2091-04-10").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2091-03-15至2091-04-10")))
                .andExpect(content().string(containsString("data-value=\"80\"")));
        mvc.perform(get("/indicators").param("period", "2091-13").with(as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("统计期间“2091-13”无法识别")));
    }

    @Test
    void detailShowsElementsRankingTrendAndTargets() throws Exception {
        long coverage = id("village_coverage");
        mvc.perform(get("/indicators/" + coverage).param("period", "2091").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("villages_reached / villages * 100")))
                .andExpect(content().string(containsString("开展活动的村（社区）数")))
                .andExpect(content().string(containsString("data-division=\"850101100\"")))
                .andExpect(content().string(containsString(
                        "/indicators/" + coverage + "?division=850101100&amp;period=2091")))
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("/js/charts.js")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/indicators/" + id("activity_count")).param("period", "2091")
                        .param("division", IndicatorFixture.A).with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("村（社区）排名")))
                .andExpect(content().string(containsString("甲一村")))
                .andExpect(content().string(not(containsString("乙一村"))));
    }

    @Test
    void townshipUsersCannotReachOtherTownshipsAndCannotManage() throws Exception {
        CurrentUser a = fixture.user("ind-township-a", Role.TOWNSHIP_ADMIN, IndicatorFixture.A);
        mvc.perform(get("/indicators").param("year", "2091").with(as(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲镇 · 2091年")))
                .andExpect(content().string(not(containsString("乙镇"))))
                .andExpect(content().string(not(containsString("/indicators/manage"))));
        mvc.perform(get("/indicators").param("division", IndicatorFixture.B).with(as(a)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/indicators/" + id("activity_count")).param("division", IndicatorFixture.B1).with(as(a)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/indicators/manage").with(as(a))).andExpect(status().isForbidden());
        mvc.perform(get("/indicators/elements/new").with(as(a))).andExpect(status().isForbidden());
        mvc.perform(post("/indicators").param("code", "web_x").param("name", "x").param("formula", "activities")
                .with(csrf()).with(as(a))).andExpect(status().isForbidden());
    }

    @Test
    void officeAdminCreatesAnElementAnIndicatorAndATarget() throws Exception {
        mvc.perform(post("/indicators/elements").param("code", "web_exhibitions").param("name", "展览场次")
                        .param("source", "activity").param("aggregate", "COUNT").param("filter.format", "EXHIBITION")
                        .param("filter.status", "").param("version", "0").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/indicators/elements").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("web_exhibitions")))
                .andExpect(content().string(containsString("活动形式：展览")));
        mvc.perform(post("/indicators").param("code", "web_ratio").param("name", "展览占比")
                        .param("formula", "web_exhibitions / activities * 100").param("unitOfMeasure", "%")
                        .param("decimals", "1").param("sortOrder", "5").param("active", "on").param("version", "0")
                        .with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/indicators/*"));
        long ratio = id("web_ratio");
        // exhibitions #4 and #8 of 8
        assertThat(IndicatorValuesTest.as(office, () -> indicators.value(ratio, IndicatorFixture.COUNTY,
                org.kepu.shared.Period.year(2091))).text()).isEqualTo("25.0");
        mvc.perform(post("/indicators").param("code", "web_bad").param("name", "坏公式")
                        .param("formula", "web_exhibitions / (activities").param("version", "0")
                        .with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("括号不配对")))
                .andExpect(content().string(containsString("web_exhibitions / (activities")));
        mvc.perform(post("/indicators/targets").param("indicator", Long.toString(ratio))
                        .param("division", IndicatorFixture.COUNTY).param("comparator", "AT_LEAST")
                        .param("targetValue", "30").param("deadline", "2091-12-31").param("startDate", "2091-01-01")
                        .param("sourceNote", "测试方案 一、（一）").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/indicators/targets").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("展览占比")))
                .andExpect(content().string(containsString("测试方案 一、（一）")))
                .andExpect(content().string(containsString("data-status=")));
        mvc.perform(get("/indicators").param("year", "2091").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不少于 30")));
        mvc.perform(post("/indicators/targets").param("indicator", Long.toString(ratio))
                        .param("division", IndicatorFixture.COUNTY).param("comparator", "AT_LEAST")
                        .param("targetValue", "三十").param("deadline", "2091-12-31").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写目标值（数字）")));
    }
}
