package org.kepu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.identity.internal.ApiTokens;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class ApiTokenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    MutableClock clock;

    TestFixtures fixtures;
    CurrentUser township;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        township = fixtures.user("tok_township_a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String create(CurrentUser user, LocalDate expiresOn) {
        var token = new AtomicReference<String>();
        TestFixtures.runAs(user, () -> token.set(tokens.create(user, "test", expiresOn).token()));
        return token.get();
    }

    @Test
    void validTokenActsAsItsOwnerWithTheSameScopeAndNoSession() throws Exception {
        String token = create(township, null);
        var result = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("tok_township_a"))
                .andExpect(jsonPath("$.role").value("TOWNSHIP_ADMIN"))
                .andExpect(jsonPath("$.scopeDivisionPath").value(TestFixtures.TOWNSHIP_A_PATH))
                .andReturn();
        assertThat(result.getResponse().getCookie("KEPU_SESSION")).isNull();
        // Only the hash is stored.
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token)
                .query(Long.class).single()).isZero();
        // The same user through a session sees the same scope.
        mvc.perform(get("/api/v1/me").with(TestFixtures.as(township)))
                .andExpect(jsonPath("$.scopeDivisionPath").value(TestFixtures.TOWNSHIP_A_PATH));
    }

    @Test
    void missingInvalidRevokedAndExpiredTokensAre401() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer kepu_notatoken"))
                .andExpect(status().isUnauthorized());
        String revoked = create(township, null);
        long id = jdbc.sql("select id from api_token where user_id = :u order by id desc limit 1")
                .param("u", township.id()).query(Long.class).single();
        TestFixtures.runAs(township, () -> tokens.revoke(township, id));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + revoked))
                .andExpect(status().isUnauthorized());
        String expiring = create(township, LocalDate.now().plusDays(1));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + expiring)).andExpect(status().isOk());
        clock.advance(Duration.ofDays(3));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + expiring))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenOfADisabledAccountIsRefused() throws Exception {
        CurrentUser u = fixtures.user(Accounts.unique("tokoff"), Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        String token = create(u, null);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        jdbc.sql("update app_user set enabled = false where id = :id").param("id", u.id()).update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokensPageShowsANewTokenOnceAndRevokesOnlyOwnTokens() throws Exception {
        var result = mvc.perform(post("/account/tokens").with(csrf()).with(TestFixtures.as(township))
                        .param("name", "台账同步脚本"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String token = (String) result.getFlashMap().get("newToken");
        assertThat(token).startsWith("kepu_");
        mvc.perform(get("/account/tokens").with(TestFixtures.as(township))).andExpect(status().isOk())
                .andExpect(content().string(containsString("台账同步脚本")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
        long id = jdbc.sql("select id from api_token where user_id = :u and name = '台账同步脚本'")
                .param("u", township.id()).query(Long.class).single();
        CurrentUser other = fixtures.user("tok_township_b", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_B);
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf()).with(TestFixtures.as(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf()).with(TestFixtures.as(township)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('TOKEN_CREATE', 'TOKEN_REVOKE')"
                + " and entity_id = :id").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void bearerRequestsNeedNoCsrfTokenButSessionRequestsDo() throws Exception {
        String token = create(township, null);
        // /api/v1/me only answers GET: 405 means the request passed the security chain, 403 that CSRF stopped it.
        mvc.perform(post("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(post("/api/v1/me").with(TestFixtures.as(township))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me").with(csrf()).with(TestFixtures.as(township)))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void platformAdminsGetNoTokens() {
        CurrentUser sys = fixtures.user("tok_sys", Role.SYS_ADMIN, null);
        assertThatThrownBy(() -> create(sys, null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void openApiDocumentDescribesTheBearerScheme() throws Exception {
        mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk())
                .andExpect(content().string(containsString("bearerToken")))
                .andExpect(content().string(containsString("/api/v1/me")));
    }
}
