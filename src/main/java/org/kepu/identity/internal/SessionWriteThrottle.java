package org.kepu.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session rewrites a session's row on every request because its last-access time moved, so every page view
 * was a write transaction with a WAL flush. This replaces the update so that the row is only written when something
 * other than the access time changed or the stored access time is at least {@value #ACCESS_TIME_GRANULARITY_MS} ms
 * old. The stored access time is then at most a minute behind, so the 30-minute idle timeout ends a session after
 * 29 to 30 idle minutes — never later. Attribute changes (sign-in, CSRF token) are written as before.
 * {@link SessionRoundTrips} applies the same rule before the update is sent, so within a request the update runs only
 * when it writes; this condition stays as the guard for every other save.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionWriteThrottle {

    static final long ACCESS_TIME_GRANULARITY_MS = 60_000;

    /** Same parameters in the same order as Spring Session's own update; the row is left alone if nothing moved. */
    static final String UPDATE_SESSION = """
            update %TABLE_NAME% s
            set session_id = v.session_id, last_access_time = v.last_access_time,
                max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
                principal_name = v.principal_name
            from (select cast(? as char(36)) session_id, cast(? as bigint) last_access_time,
                         cast(? as integer) max_inactive_interval, cast(? as bigint) expiry_time,
                         cast(? as varchar(100)) principal_name, cast(? as char(36)) primary_id) v
            where s.primary_id = v.primary_id
              and (s.session_id <> v.session_id
                   or s.max_inactive_interval <> v.max_inactive_interval
                   or s.principal_name is distinct from v.principal_name
                   or v.last_access_time - s.last_access_time >= %GRANULARITY%)
            """.replace("%GRANULARITY%", Long.toString(ACCESS_TIME_GRANULARITY_MS));

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> throttledSessionUpdate() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION);
    }
}
