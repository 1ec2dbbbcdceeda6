package org.kepu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/** When SessionRoundTrips' repository reads and writes, against an in-memory store that counts its calls. */
class SessionRoundTripsRulesTest {

    /** The store Spring Session would use, counting reads and writes. */
    static final class Store implements FindByIndexNameSessionRepository<Session> {
        final MapSessionRepository map = new MapSessionRepository(new ConcurrentHashMap<>());
        int reads;
        int saves;

        @Override
        public Session createSession() {
            return map.createSession();
        }

        @Override
        public void save(Session session) {
            saves++;
            map.save((MapSession) session);
        }

        @Override
        public Session findById(String id) {
            reads++;
            return map.findById(id);
        }

        @Override
        public void deleteById(String id) {
            map.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    final Store store = new Store();
    final SessionRoundTrips.Repository repository = new SessionRoundTrips.Repository(store);
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} as the filter runs a request. */
    static void inRequest(Body body) throws Exception {
        SessionRoundTrips.requestScope().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (req, res) -> {
                    try {
                        body.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private String stored() {
        MapSession s = store.map.createSession();
        s.setLastAccessedTime(t0);
        store.map.save(s);
        return s.getId();
    }

    @Test
    void aRequestReadsOnceAndWritesOnlyWhenSomethingButARecentAccessTimeChanged() throws Exception {
        String id = stored();
        inRequest(() -> {
            Session s = repository.findById(id);
            s.setLastAccessedTime(t0.plusSeconds(30));
            repository.save(s);
            assertThat(repository.findById(id)).as("the re-read after saving").isSameAs(s);
        });
        assertThat(store.reads).isEqualTo(1);
        assertThat(store.saves).as("30 s: nothing to write").isZero();
        assertThat(store.map.findById(id).getLastAccessedTime()).isEqualTo(t0);

        inRequest(() -> {
            Session s = repository.findById(id);
            s.setLastAccessedTime(t0.plusSeconds(61));
            repository.save(s);
        });
        assertThat(store.saves).as("61 s: written").isEqualTo(1);
        assertThat(store.map.findById(id).getLastAccessedTime()).isEqualTo(t0.plusSeconds(61));

        inRequest(() -> {
            Session s = repository.findById(id);
            s.setLastAccessedTime(t0.plusSeconds(70));
            repository.save(s);
        });
        assertThat(store.saves).as("9 s after the stored time").isEqualTo(1);

        inRequest(() -> {
            Session s = repository.findById(id);
            s.setLastAccessedTime(t0.plusSeconds(75));
            s.setAttribute("k", "v");
            repository.save(s);
        });
        assertThat(store.saves).as("an attribute changed").isEqualTo(2);
        assertThat(store.map.findById(id).<String>getAttribute("k")).isEqualTo("v");

        inRequest(() -> {
            Session s = repository.findById(id);
            s.setMaxInactiveInterval(s.getMaxInactiveInterval());
            repository.save(s);
        });
        assertThat(store.saves).as("the same timeout").isEqualTo(2);

        inRequest(() -> {
            Session s = repository.findById(id);
            s.removeAttribute("k");
            repository.save(s);
            s.setMaxInactiveInterval(Duration.ofMinutes(5));
            repository.save(s);
        });
        assertThat(store.saves).as("removed, then a new timeout").isEqualTo(4);
    }

    @Test
    void aNewIdIsWrittenAndTheOldOneIsGone() throws Exception {
        String id = stored();
        String[] newId = new String[1];
        inRequest(() -> {
            Session s = repository.findById(id);
            newId[0] = s.changeSessionId();
            repository.save(s);
            assertThat(repository.findById(id)).isNull();
            assertThat(repository.findById(newId[0])).isSameAs(s);
        });
        assertThat(store.saves).isEqualTo(1);
        assertThat(store.map.findById(id)).isNull();
        assertThat(store.map.findById(newId[0])).isNotNull();
    }

    @Test
    void newSessionsAreAlwaysWrittenAndDeletedOnesStayDeleted() throws Exception {
        inRequest(() -> {
            Session s = repository.createSession();
            repository.save(s);
            assertThat(store.map.findById(s.getId())).isNotNull();
            repository.deleteById(s.getId());
            int reads = store.reads;
            assertThat(repository.findById(s.getId())).isNull();
            assertThat(store.reads).isEqualTo(reads);
        });
        assertThat(store.saves).isEqualTo(1);
    }

    @Test
    void outsideARequestEveryCallGoesToTheStore() {
        String id = stored();
        Session s = repository.findById(id);
        assertThat(s).isNotInstanceOf(SessionRoundTrips.Tracked.class);
        s.setLastAccessedTime(t0.plusSeconds(1));
        repository.save(s);
        repository.findById(id);
        assertThat(store.reads).isEqualTo(2);
        assertThat(store.saves).isEqualTo(1);
    }

    @Test
    void nothingOutlivesTheRequest() throws Exception {
        String id = stored();
        inRequest(() -> repository.findById(id));
        inRequest(() -> repository.findById(id));
        assertThat(store.reads).isEqualTo(2);
    }
}
