package org.kepu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

@KepuIntegrationTest
class SessionWriteThrottleTest {

    private final SessionRepository<Session> sessions;

    /** Spring Session's own repository, as the application wraps it (SessionRoundTrips). */
    @Autowired
    SessionWriteThrottleTest(SessionRoundTrips.Repository repository) {
        this.sessions = repository.delegate();
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void accessTimeIsWrittenAtMostOncePerMinuteButOtherChangesAtOnce() {
        Session created = sessions.createSession();
        Instant t0 = Instant.ofEpochMilli(System.currentTimeMillis());
        created.setLastAccessedTime(t0);
        sessions.save(created);
        String id = created.getId();

        Session s = sessions.findById(id);
        s.setLastAccessedTime(t0.plusSeconds(30));
        sessions.save(s);
        assertThat(storedAccessTime(id)).as("30 s later: row left alone").isEqualTo(t0.toEpochMilli());

        s = sessions.findById(id);
        s.setLastAccessedTime(t0.plusSeconds(61));
        sessions.save(s);
        assertThat(storedAccessTime(id)).as("61 s later: written").isEqualTo(t0.plusSeconds(61).toEpochMilli());

        s = sessions.findById(id);
        s.setLastAccessedTime(t0.plusSeconds(70));
        s.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "someone");
        sessions.save(s);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id").param("id", id)
                .query(String.class).single()).as("a new principal is written at once").isEqualTo("someone");
        assertThat(storedAccessTime(id)).isEqualTo(t0.plusSeconds(70).toEpochMilli());

        String oldId = s.getId();
        s = sessions.findById(oldId);
        String newId = s.changeSessionId();
        sessions.save(s);
        assertThat(sessions.findById(newId)).as("a changed session id is written at once").isNotNull();
        assertThat(sessions.findById(oldId)).isNull();
        sessions.deleteById(newId);
    }

    private long storedAccessTime(String id) {
        return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
