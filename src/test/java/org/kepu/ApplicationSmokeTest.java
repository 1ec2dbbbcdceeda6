package org.kepu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class ApplicationSmokeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgresqlWithMigrationsApplied() {
        String version = jdbc.sql("select current_setting('server_version_num')").query(String.class).single();
        assertThat(Integer.parseInt(version)).isGreaterThanOrEqualTo(150000);
        // The twelve themes of the issue are seeded by V1 (other tests may add more to the shared database).
        assertThat(jdbc.sql("select code from dict_item where dict = 'ACTIVITY_THEME'").query(String.class).list())
                .contains("SCI_TECH_WEEK", "NATIONAL_SCIENCE_DAY", "SCI_TECH_WORKERS_DAY", "THREE_TO_COUNTRYSIDE",
                        "DISASTER_REDUCTION_DAY", "WORLD_ENVIRONMENT_DAY", "FOOD_SAFETY_WEEK", "LOW_CARBON_DAY",
                        "PUBLIC_SCIENCE_DAY", "SCIENCE_LECTURE_HALL", "SCIENCE_IN_SCHOOLS", "OTHER");
    }

    @Test
    void anonymousVisitorIsSentToTheChineseLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void loginWithoutCsrfTokenIsRejected() throws Exception {
        mvc.perform(post("/login").param("username", "x").param("password", "y"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", "nobody").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }
}
