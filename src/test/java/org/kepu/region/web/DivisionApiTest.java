package org.kepu.region.web;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.kepu.TestFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class DivisionApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsAndGetsOnlyInsideTheCallersScope() throws Exception {
        var fixtures = new TestFixtures(jdbc).ensure();
        CurrentUser a = fixtures.user("region-api-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        CurrentUser office = fixtures.user("region-api-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);

        mvc.perform(get("/api/v1/divisions").with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(TestFixtures.TOWNSHIP_A));
        mvc.perform(get("/api/v1/divisions").param("level", "5").with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", everyItem(startsWith(TestFixtures.TOWNSHIP_A))))
                .andExpect(jsonPath("$.items[*].code", hasItems(TestFixtures.VILLAGE_A1, TestFixtures.VILLAGE_A2)));
        mvc.perform(get("/api/v1/divisions").param("parent", TestFixtures.TOWNSHIP_B).with(as(a)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/divisions").param("parent", TestFixtures.TOWNSHIP_B).param("level", "5").with(as(a)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/divisions/" + TestFixtures.VILLAGE_B1).with(as(a)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("找不到该记录，或该记录不在您的管理范围内。"));
        mvc.perform(get("/api/v1/divisions/" + TestFixtures.VILLAGE_A1).with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value(TestFixtures.VILLAGE_A1_PATH))
                .andExpect(jsonPath("$.level").value(5));

        mvc.perform(get("/api/v1/divisions").param("parent", TestFixtures.COUNTY).param("size", "1").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/divisions").param("level", "4").with(as(office))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItems(TestFixtures.TOWNSHIP_A, TestFixtures.TOWNSHIP_B)));
    }

    @Test
    void openApiDocumentDescribesDivisionsAndUnits() throws Exception {
        var fixtures = new TestFixtures(jdbc).ensure();
        CurrentUser office = fixtures.user("region-api-office-doc", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        mvc.perform(get("/api/v1/openapi").with(as(office))).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/divisions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/divisions/{code}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/units'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/units/{id}'].put").exists());
    }
}
