package org.kepu.indicator;

import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class IndicatorApiTest {

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
        jdbc.sql("delete from indicator_target where division_path like '85/%'").update();
    }

    @Test
    void valuesForADivisionAndAPeriod() throws Exception {
        mvc.perform(get("/api/v1/indicators").param("period", "2091-Q1").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.divisionCode").value(IndicatorFixture.COUNTY))
                .andExpect(jsonPath("$.period").value("2091-Q1"))
                .andExpect(jsonPath("$.items[?(@.code == 'activity_count')].value.value").value(3))
                .andExpect(jsonPath("$.items[?(@.code == 'villages_reached_count')].value.value").value(2))
                .andExpect(jsonPath("$.items[?(@.code == 'activity_count')].value.link").value(
                        "/activities?from=2091-01-01&to=2091-03-31&division=850101&status=COUNTED"));
        long id = indicators.findByCode("participant_count").orElseThrow().id();
        mvc.perform(get("/api/v1/indicators/" + id).param("period", "2091").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicator.value.value").value(2370))
                .andExpect(jsonPath("$.children[0].divisionName").value("乙镇"))
                .andExpect(jsonPath("$.children[0].value.value").value(610))
                .andExpect(jsonPath("$.children[2].ownLevel").value(true));
        long share = indicators.findByCode("verified_share").orElseThrow().id();
        mvc.perform(get("/api/v1/indicators/" + share).param("period", "2091-08")
                        .param("division", IndicatorFixture.A).with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicator.value.value").doesNotExist())
                .andExpect(jsonPath("$.indicator.value.reason").value("分母 activities 为 0"));
        mvc.perform(get("/api/v1/indicators").param("period", "第一季度").with(as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("无法识别")));
    }

    @Test
    void scopeIsEnforced() throws Exception {
        CurrentUser a = fixture.user("ind-township-a", Role.TOWNSHIP_ADMIN, IndicatorFixture.A);
        long id = indicators.findByCode("activity_count").orElseThrow().id();
        mvc.perform(get("/api/v1/indicators").param("period", "2091").with(as(a)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.divisionCode").value(IndicatorFixture.A));
        mvc.perform(get("/api/v1/indicators").param("division", IndicatorFixture.B).with(as(a)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators/" + id).param("division", IndicatorFixture.COUNTY).with(as(a)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/indicators/" + id + "/targets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"divisionCode\":\"850101100\",\"deadline\":\"2091-12-31\",\"comparator\":\"AT_LEAST\","
                                + "\"targetValue\":5}").with(csrf()).with(as(a)))
                .andExpect(status().isForbidden());
    }

    @Test
    void targetsOverJson() throws Exception {
        long id = indicators.findByCode("activity_count").orElseThrow().id();
        String body = mvc.perform(post("/api/v1/indicators/" + id + "/targets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"divisionCode\":\"850101\",\"startDate\":\"2091-01-01\",\"deadline\":\"2091-12-31\","
                                + "\"comparator\":\"AT_LEAST\",\"targetValue\":10,\"sourceNote\":\"API\"}")
                        .with(csrf()).with(as(office)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.value.value").value(8))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        int targetId = JsonPath.read(body, "$.id");
        mvc.perform(get("/api/v1/indicators/" + id + "/targets").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(targetId))
                .andExpect(jsonPath("$[0].status").exists());
        String change = "{\"divisionCode\":\"850101\",\"startDate\":\"2091-01-01\",\"deadline\":\"2091-12-31\","
                + "\"comparator\":\"AT_LEAST\",\"targetValue\":8,\"version\":0}";
        mvc.perform(put("/api/v1/indicators/targets/" + targetId).contentType(MediaType.APPLICATION_JSON)
                        .content(change).with(csrf()).with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACHIEVED"));
        mvc.perform(put("/api/v1/indicators/targets/" + targetId).contentType(MediaType.APPLICATION_JSON)
                        .content(change).with(csrf()).with(as(office)))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/indicators/targets/" + targetId).param("version", "1").with(csrf())
                        .with(as(office)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/indicators/cards").param("year", "2091").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.indicator.code == 'activity_count')].trend.length()").value(12));
    }
}
