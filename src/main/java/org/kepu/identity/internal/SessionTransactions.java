package org.kepu.identity.internal;

import org.kepu.shared.db.PlanMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions in which Spring Session reads and writes the session rows let PostgreSQL reuse its plans.
 *
 * <p>Every pooled connection forces custom plans (see {@code EmbeddedDatabaseConfig.CONNECTION_INIT_SQL}: scope
 * filters need plans made for the bound division path), so Spring Session's statements were planned afresh on every
 * request: the session read (then twice per request; now once, see {@link SessionRoundTrips}) 0.30 ms each and the
 * throttled update ({@link SessionWriteThrottle}; now run only when it writes) 0.13 ms — about 0.7 ms of PostgreSQL time on every signed-in request, more than the
 * activity list's own two queries. Their conditions are a session's primary key, its id or its principal's name, or
 * the expiry time for the cleanup job: one index lookup or range whatever the value, so a reused plan is the plan a
 * fresh one would be. Spring Session runs each of them in a transaction of its own (REQUIRES_NEW, its default,
 * kept here); this template starts it with {@code set local plan_cache_mode = auto}, which ends with it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionTransactions {

    /** Spring Session's transactions (injected by this bean name into its JDBC configuration). */
    @Bean(name = "springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager,
            JdbcClient jdbc) {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return own.execute(status -> {
                    PlanMode.reuseInTransaction(jdbc);
                    return action.doInTransaction(status);
                });
            }
        };
    }

    /**
     * The application's ordinary transaction template. Spring Boot defines it only while no other
     * {@link TransactionOperations} bean exists, so with the one above it is defined here, as Boot would.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
