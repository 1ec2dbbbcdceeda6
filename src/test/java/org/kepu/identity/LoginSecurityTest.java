package org.kepu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class LoginSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    MutableClock clock;

    Accounts accounts;

    @BeforeEach
    void setUp() {
        new TestFixtures(jdbc).ensure();
        accounts = new Accounts(jdbc, encoder);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() throws Exception {
        String u = Accounts.unique("lock");
        long id = accounts.create(u, Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A, false, null);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", u).param("password", "wrong" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        var fifth = Accounts.login(mvc, u, "wrong5");
        assertThat(fifth.getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
        // The right password does not help while locked, and the page says until when.
        var locked = Accounts.login(mvc, u, Accounts.PASSWORD);
        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
        mvc.perform(get("/login?locked").cookie(Accounts.sessionCookie(fifth)))
                .andExpect(content().string(containsString("已被锁定")))
                .andExpect(content().string(containsString("之后再试")));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOGIN_LOCKED' and user_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOGIN_FAILURE' and user_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(6);

        clock.advance(Duration.ofMinutes(14));
        assertThat(Accounts.login(mvc, u, Accounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");
        clock.advance(Duration.ofMinutes(2));
        assertThat(Accounts.login(mvc, u, Accounts.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.sql("select failed_attempts from app_user where id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOGIN_SUCCESS' and user_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownNamesBehaveExactlyLikeExistingOnes() throws Exception {
        String u = Accounts.unique("ghost");
        for (int i = 1; i <= 4; i++) {
            assertThat(Accounts.login(mvc, u, "wrong").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(Accounts.login(mvc, u, "wrong").getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOGIN_FAILURE' and username = :u")
                .param("u", u).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void successfulLoginStoresTheSessionInTheDatabase() throws Exception {
        String u = Accounts.unique("sess");
        accounts.create(u, Role.OFFICE_ADMIN, TestFixtures.COUNTY, false, null);
        var result = Accounts.login(mvc, u, Accounts.PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", u)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = :u")
                .param("u", u).query(Integer.class).single()).isEqualTo(1800);
        // The stored session (with its serialized principal) signs the next request in.
        mvc.perform(get("/account").cookie(Accounts.sessionCookie(result)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(u)));
        // Sign-out is audited and ends the session.
        mvc.perform(post("/logout").with(csrf()).cookie(Accounts.sessionCookie(result)))
                .andExpect(redirectedUrl("/login?logout"));
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", u)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOGOUT' and username = :u")
                .param("u", u).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void firstLoginForcesAPasswordChange() throws Exception {
        String u = Accounts.unique("fresh");
        long id = accounts.create(u, Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1, true, null);
        var result = Accounts.login(mvc, u, Accounts.PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        var session = Accounts.sessionCookie(result);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/tokens").cookie(session)).andExpect(redirectedUrl("/account/password"));
        // a fragment the page loads by itself gets nothing to swap in, not the password form
        mvc.perform(get("/notifications/badge").header("HX-Request", "true").cookie(session))
                .andExpect(status().isNoContent());
        mvc.perform(get("/account/password").cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("须先修改密码")));
        // A weak password is refused with the reasons in Chinese.
        mvc.perform(post("/account/password").with(csrf()).cookie(session)
                        .param("currentPassword", Accounts.PASSWORD).param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("至少需要 10 个字符")));
        // The same password as before is refused.
        mvc.perform(post("/account/password").with(csrf()).cookie(session)
                        .param("currentPassword", Accounts.PASSWORD).param("newPassword", Accounts.PASSWORD)
                        .param("confirmPassword", Accounts.PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不能与当前密码相同")));
        mvc.perform(post("/account/password").with(csrf()).cookie(session)
                        .param("currentPassword", Accounts.PASSWORD).param("newPassword", "Brand#New2026x")
                        .param("confirmPassword", "Brand#New2026x"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("select must_change_password from app_user where id = :id").param("id", id)
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PASSWORD_CHANGE' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select cast(after_data as text) from audit_log where action = 'PASSWORD_CHANGE'"
                + " and entity_id = :id").param("id", String.valueOf(id)).query(String.class).single())
                .doesNotContain("password_hash").doesNotContain("{bcrypt}");
    }

    @Test
    void expiredEvaluatorCannotSignIn() throws Exception {
        String u = Accounts.unique("eval");
        accounts.create(u, Role.EVALUATOR, TestFixtures.COUNTY, false,
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        assertThat(Accounts.login(mvc, u, Accounts.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        clock.advance(Duration.ofDays(2));
        assertThat(Accounts.login(mvc, u, Accounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void disabledAccountCannotSignIn() throws Exception {
        String u = Accounts.unique("off");
        long id = accounts.create(u, Role.LEADER, TestFixtures.COUNTY, false, null);
        jdbc.sql("update app_user set enabled = false where id = :id").param("id", id).update();
        assertThat(Accounts.login(mvc, u, Accounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void strictSecurityHeadersArePresent() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Permissions-Policy", containsString("microphone=()")))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void accountFormsRequireTheCsrfToken() throws Exception {
        var fixtures = new TestFixtures(jdbc);
        var township = fixtures.user(Accounts.unique("csrf"), Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        var sys = fixtures.user(Accounts.unique("csrfsys"), Role.SYS_ADMIN, null);
        mvc.perform(post("/account/password").with(TestFixtures.as(township))
                        .param("currentPassword", "x").param("newPassword", "Brand#New2026x")
                        .param("confirmPassword", "Brand#New2026x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").with(TestFixtures.as(township)).param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(TestFixtures.as(sys)).param("username", "nocsrf")
                        .param("displayName", "x").param("role", "LEADER").param("divisionCode", TestFixtures.COUNTY))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from app_user where username = 'nocsrf'").query(Long.class).single())
                .isZero();
        mvc.perform(post("/logout").with(TestFixtures.as(township))).andExpect(status().isForbidden());
    }
}
