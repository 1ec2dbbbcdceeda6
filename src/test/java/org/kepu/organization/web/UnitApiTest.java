package org.kepu.organization.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class UnitApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createListGetUpdateWithScopeAndConflict() throws Exception {
        var fixtures = new TestFixtures(jdbc).ensure();
        CurrentUser office = fixtures.user("org-api-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        CurrentUser township = fixtures.user("org-api-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        CurrentUser liaison = fixtures.user("org-api-liaison", Role.UNIT_LIAISON, "县科协");

        String body = """
                {"name":"县接口测试局","unitType":"PUBLIC_INSTITUTION","duties":"接口职责",
                 "keyGroupRoles":{"YOUTH":"LEAD","ELDERLY":"COOPERATING"}}""";
        var res = mvc.perform(post("/api/v1/units").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(csrf()).with(as(office)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.keyGroupRoles.YOUTH").value("LEAD"))
                .andExpect(jsonPath("$.divisionCode").value(TestFixtures.COUNTY))
                .andReturn();
        long id = ((Number) JsonPath.read(res.getResponse().getContentAsString(), "$.id")).longValue();

        mvc.perform(post("/api/v1/units").contentType(MediaType.APPLICATION_JSON).content(body.replace("接口测试局", "乡镇局"))
                .with(csrf()).with(as(township))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/units").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("「单位名称」“县接口测试局”已存在。"));

        mvc.perform(get("/api/v1/units").param("q", "接口测试").param("type", "PUBLIC_INSTITUTION").with(as(township)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get("/api/v1/units").with(as(liaison))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/units/" + id).with(as(liaison))).andExpect(status().isNotFound());

        String update = """
                {"name":"县接口测试局","unitType":"GOVERNMENT","duties":"新职责","keyGroupRoles":{},"active":false,"version":0}""";
        mvc.perform(put("/api/v1/units/" + id).contentType(MediaType.APPLICATION_JSON).content(update)
                .with(csrf()).with(as(township))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/units/" + id).contentType(MediaType.APPLICATION_JSON).content(update)
                        .with(csrf()).with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitType").value("GOVERNMENT"))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/units/" + id).contentType(MediaType.APPLICATION_JSON).content(update)
                        .with(csrf()).with(as(office)))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/units").param("q", "接口测试").param("active", "true").with(as(office)))
                .andExpect(jsonPath("$.total").value(0));
    }
}
