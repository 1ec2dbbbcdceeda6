package org.kepu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring Session's statements run in transactions of their own that reuse plans; nothing else does. */
@KepuIntegrationTest
class SessionTransactionsTest {

    JdbcIndexedSessionRepository repository;
    @Autowired
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations sessionTransactions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    void repository(SessionRoundTrips.Repository wrapper) {
        repository = (JdbcIndexedSessionRepository) (Object) wrapper.delegate();
    }

    @Test
    void springSessionUsesThem() {
        assertThat(ReflectionTestUtils.getField(repository, "transactionOperations")).isSameAs(sessionTransactions);
        // and sessions still work through them
        @SuppressWarnings("unchecked")
        SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>) repository;
        Session s = sessions.createSession();
        s.setAttribute("k", "v");
        sessions.save(s);
        assertThat(sessions.findById(s.getId()).<String>getAttribute("k")).isEqualTo("v");
    }

    @Test
    void reusePlansInATransactionOfTheirOwnOnly() {
        String own = sessionTransactions.execute(status -> planMode());
        assertThat(own).isEqualTo("auto");
        // inside an application transaction: the session's own transaction reuses plans, the application's does not,
        // before or after it
        String[] modes = tx.execute(status -> new String[] {planMode(),
                sessionTransactions.execute(inner -> planMode()), planMode()});
        assertThat(modes).containsExactly("force_custom_plan", "auto", "force_custom_plan");
        for (int i = 0; i < 25; i++) {
            String mode = tx.execute(status -> planMode());
            assertThat(mode).isEqualTo("force_custom_plan");
        }
    }

    private String planMode() {
        return jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single();
    }
}
