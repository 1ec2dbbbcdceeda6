package org.kepu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.identity.Accounts;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Through the real filter chain and the database: a signed-in request reads its session once and writes it only when
 * something needs writing, and signing in, signing out and unknown session ids behave as before.
 */
@KepuIntegrationTest
@AutoConfigureMockMvc
class SessionRoundTripsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    SessionRoundTrips.Repository repository;
    @Autowired
    @Qualifier("springSessionRepositoryFilter")
    SessionRepositoryFilter<?> sessionFilter;

    FindByIndexNameSessionRepository<Session> database;
    /** The ids the database was asked for, in order. */
    final List<String> reads = new ArrayList<>();
    /** The ids of the sessions written to the database, in order. */
    final List<String> saves = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void countReads() {
        new TestFixtures(jdbc).ensure();
        database = repository.delegate();
        FindByIndexNameSessionRepository<Session> counting = (FindByIndexNameSessionRepository<Session>) Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {FindByIndexNameSessionRepository.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("findById")) {
                                reads.add((String) args[0]);
                            } else if (method.getName().equals("save")) {
                                saves.add(((Session) args[0]).getId());
                            }
                            try {
                                return method.invoke(database, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        ReflectionTestUtils.setField(repository, "delegate", counting);
    }

    @AfterEach
    void restore() {
        ReflectionTestUtils.setField(repository, "delegate", database);
    }

    @Test
    void springSessionsFilterUsesTheWrapper() {
        assertThat(ReflectionTestUtils.getField(sessionFilter, "sessionRepository")).isSameAs(repository);
    }

    @Test
    void aSignedInRequestReadsItsSessionOnce() throws Exception {
        String user = Accounts.unique("once");
        new Accounts(jdbc, encoder).create(user, Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A, false, null);
        MvcResult login = Accounts.login(mvc, user, Accounts.PASSWORD);
        Cookie session = Accounts.sessionCookie(login);
        String id = sessionId(session);
        assertThat(saves).as("signing in writes the session").contains(id);

        reads.clear();
        mvc.perform(get("/activities").cookie(session)).andExpect(status().isOk());
        assertThat(reads).containsExactly(id);

        // (the first page after signing in stores a fresh CSRF token: a real change, written)
        reads.clear();
        saves.clear();
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/activities").cookie(session)).andExpect(status().isOk());
        assertThat(reads).as("once per request, every request").containsExactly(id, id);
        assertThat(saves).as("only the access time moved, within a minute: nothing written").isEmpty();

        // signing out deletes the session; the next request with the old cookie is not signed in
        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/login?logout"));
        assertThat(database.findById(id)).isNull();
        mvc.perform(get("/activities").cookie(session)).andExpect(redirectedUrl("http://localhost/login?expired"));
    }

    @Test
    void signingInStillGivesANewSessionId() throws Exception {
        String user = Accounts.unique("fixation");
        new Accounts(jdbc, encoder).create(user, Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A, false, null);
        // a session before signing in (the login page's CSRF token lives in it)
        MvcResult page = mvc.perform(get("/login")).andReturn();
        Cookie before = Accounts.sessionCookie(page);
        MvcResult login = mvc.perform(post("/login").with(csrf()).cookie(before).param("username", user)
                .param("password", Accounts.PASSWORD)).andReturn();
        Cookie after = Accounts.sessionCookie(login);
        assertThat(sessionId(after)).isNotEqualTo(sessionId(before));
        assertThat(database.findById(sessionId(before))).isNull();
        assertThat(database.findById(sessionId(after))).isNotNull();
        mvc.perform(get("/activities").cookie(after)).andExpect(status().isOk());
    }

    @Test
    void anUnknownSessionIdIsLookedUpOnce() throws Exception {
        reads.clear();
        Cookie unknown = new Cookie("KEPU_SESSION",
                java.util.Base64.getEncoder().encodeToString("00000000-0000-0000-0000-000000000000".getBytes()));
        mvc.perform(get("/activities").cookie(unknown)).andExpect(redirectedUrl("http://localhost/login?expired"));
        assertThat(reads).containsExactly("00000000-0000-0000-0000-000000000000");
    }

    /** The session id inside the cookie (Spring Session writes it Base64-encoded). */
    private static String sessionId(Cookie cookie) {
        return new String(java.util.Base64.getDecoder().decode(cookie.getValue()));
    }
}
