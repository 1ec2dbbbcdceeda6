package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.activity.ActivityTestSupport.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
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
class ActivityApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    CurrentUser recorder;
    CurrentUser admin;
    CurrentUser adminB;

    @BeforeEach
    void setUp() {
        TestFixtures fx = new TestFixtures(jdbc).ensure();
        recorder = fx.user("api-recorder", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        admin = fx.user("api-admin-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        adminB = fx.user("api-admin-b", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_B);
    }

    @Test
    void crudWorkflowAndConflict() throws Exception {
        String title = unique("接口");
        String body = """
                {"title":"%s","theme":"SCI_TECH_WEEK","format":"LECTURE","keyGroups":["YOUTH","FARMER"],
                 "startsAt":"2026-05-20T09:00:00","endsAt":"2026-05-20T11:00:00","division":"%s",
                 "participantsOnsite":120,"version":%s}
                """;
        JsonNode created = read(mvc.perform(post("/api/v1/activities").with(TestFixtures.as(recorder)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(title, TestFixtures.VILLAGE_A1,
                                "null")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT")));
        long id = created.get("id").asLong();

        mvc.perform(get("/api/v1/activities/" + id).with(TestFixtures.as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(title)).andExpect(jsonPath("$.keyGroups[1]").value("FARMER"));
        mvc.perform(get("/api/v1/activities").param("q", title).param("keyGroup", "YOUTH")
                .with(TestFixtures.as(admin))).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].id").value(id));

        mvc.perform(put("/api/v1/activities/" + id).with(TestFixtures.as(recorder)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(title + "改", TestFixtures.VILLAGE_A1, "0")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/activities/" + id).with(TestFixtures.as(recorder)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(title + "旧", TestFixtures.VILLAGE_A1, "0")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("该记录已被他人修改")));
        mvc.perform(put("/api/v1/activities/" + id).with(TestFixtures.as(recorder)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("", TestFixtures.VILLAGE_B1, "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.title").exists())
                .andExpect(jsonPath("$.errors.division").exists());

        mvc.perform(post("/api/v1/activities/" + id + "/submit").param("version", "1")
                .with(TestFixtures.as(recorder)).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post("/api/v1/activities/" + id + "/return").with(TestFixtures.as(adminB)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\",\"version\":2}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/activities/" + id + "/return").with(TestFixtures.as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充照片\",\"version\":2}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("请补充照片"));
        mvc.perform(delete("/api/v1/activities/" + id).param("version", "3").with(TestFixtures.as(recorder))
                .with(csrf())).andExpect(status().isBadRequest());

        JsonNode draft = read(mvc.perform(post("/api/v1/activities").with(TestFixtures.as(recorder)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(unique("草稿"),
                        TestFixtures.VILLAGE_A1, "null"))).andExpect(status().isCreated()));
        long draftId = draft.get("id").asLong();
        mvc.perform(delete("/api/v1/activities/" + draftId).param("version", "0").with(TestFixtures.as(adminB))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/activities/" + draftId).param("version", "0").with(TestFixtures.as(recorder))
                .with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/activities/" + draftId).with(TestFixtures.as(recorder)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'activity' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(4);
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }
}
