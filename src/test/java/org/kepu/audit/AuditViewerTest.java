package org.kepu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@KepuIntegrationTest
@AutoConfigureMockMvc
class AuditViewerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    TransactionTemplate tx;

    TestFixtures fixtures;
    CurrentUser auditor;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        auditor = fixtures.user("aud_auditor", Role.AUDIT_ADMIN, null);
    }

    @Test
    void onlyTheAuditAdminReadsTheLog() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.AUDIT_ADMIN) {
                continue;
            }
            String where = role.divisionScoped() ? TestFixtures.COUNTY
                    : role == Role.UNIT_LIAISON || role == Role.UNIT_HEAD ? "县科协" : null;
            CurrentUser other = fixtures.user("aud_" + role.name().toLowerCase(), role, where);
            assertThat(mvc.perform(get("/audit").with(TestFixtures.as(other))).andReturn().getResponse().getStatus())
                    .as(role.name()).isEqualTo(403);
            mvc.perform(post("/audit/verify").with(csrf()).with(TestFixtures.as(other))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/audit").with(TestFixtures.as(auditor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("审计日志")));
    }

    @Test
    void filtersByActionAndUserAndShowsBeforeAndAfter() throws Exception {
        TestFixtures.runAs(auditor, () -> tx.executeWithoutResult(s -> audit.record("AUD_TEST", "thing", 42,
                Map.of("title", "旧标题"), Map.of("title", "新标题<script>"))));
        mvc.perform(get("/audit").param("action", "AUD_TEST").param("user", "aud_auditor")
                        .with(TestFixtures.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("旧标题")))
                .andExpect(content().string(containsString("新标题&lt;script&gt;")));
        mvc.perform(get("/audit").param("action", "AUD_TEST").param("user", "somebody_else")
                        .with(TestFixtures.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("旧标题"))));
        mvc.perform(get("/audit").param("from", "2000-01-01").param("to", "2000-01-31")
                        .with(TestFixtures.as(auditor)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("共 0 条记录")));
    }

    @Test
    void verifyingTheChainFindsATamperedRow() throws Exception {
        TestFixtures.runAs(auditor, () -> tx.executeWithoutResult(s -> {
            audit.record("AUD_CHAIN", "thing", 1, null, Map.of("n", 1));
            audit.record("AUD_CHAIN", "thing", 2, null, Map.of("n", 2));
        }));
        assertThat(verifier.firstBrokenRow()).isEmpty();
        long id = jdbc.sql("select min(id) from audit_log where action = 'AUD_CHAIN'").query(Long.class).single();
        String original = jdbc.sql("select cast(after_data as text) from audit_log where id = :id").param("id", id)
                .query(String.class).single();
        // The application (and anybody without superuser rights) cannot change the log at all …
        assertThatThrownBy(() -> jdbc.sql("update audit_log set after_data = null where id = :id").param("id", id)
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = :id").param("id", id).update())
                .hasMessageContaining("180 days");
        // … so the test plays a database superuser who switches the guard off; the chain still shows it.
        bypassingGuard("update audit_log set after_data = cast('{\"n\": 99}' as jsonb) where id = " + id);
        try {
            assertThat(verifier.firstBrokenRow()).contains(id);
            mvc.perform(post("/audit/verify").with(csrf()).with(TestFixtures.as(auditor)))
                    .andExpect(flash().attribute("brokenRow", id));
        } finally {
            tx.executeWithoutResult(st -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update audit_log set after_data = cast(:a as jsonb) where id = :id").param("a", original)
                        .param("id", id).update();
            });
        }
        assertThat(verifier.firstBrokenRow()).isEmpty();
        mvc.perform(post("/audit/verify").with(csrf()).with(TestFixtures.as(auditor)))
                .andExpect(flash().attribute("brokenRow", (Object) null))
                .andExpect(flash().attribute("chainChecked", true));
    }

    private void bypassingGuard(String sql) {
        tx.executeWithoutResult(st -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }
}
