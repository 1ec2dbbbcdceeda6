package org.kepu.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in request reads its session from the database once, and writes it only when something needs writing.
 *
 * <p><b>One read.</b> Spring Session's filter reads the session when the request first needs it, saves it at the end,
 * then reads it again only to check that the id the browser sent is still valid (spring-session issue 1731). With
 * sessions in the database that second read is a transaction of its own and a second deserialisation of the
 * session's attributes, on every page, fragment and API call. Here the repository the filter uses remembers, for the
 * length of one request, the sessions it has read, saved or deleted ({@link Repository}); a filter placed just outside
 * Spring Session's opens and ends that memory ({@link #requestScope}).
 *
 * <p><b>No empty write.</b> Every request moves the session's last-access time, so Spring Session saved the session
 * at the end of every request: a transaction with an update that {@link SessionWriteThrottle} turns into a no-op
 * unless the stored access time is a minute old. The sessions this repository hands out ({@link Tracked}) note
 * whether anything else changed (an attribute, the id, the timeout); when nothing did and the stored access time is
 * less than {@link SessionWriteThrottle#ACCESS_TIME_GRANULARITY_MS} old, the save is skipped — the same rule the
 * update applies, decided without the round trip. The idle timeout therefore still ends a session after 29 to 30
 * idle minutes.
 *
 * <p>Outside a request (the expired-session cleanup) every call goes to the database as before, and so does every
 * lookup by principal name (ending an account's sessions).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionRoundTrips {

    /** The sessions this thread's current request has read, saved or deleted; absent outside a request. */
    private static final ThreadLocal<Map<String, Optional<Tracked>>> REQUEST = new ThreadLocal<>();

    static final Duration ACCESS_TIME_GRANULARITY = Duration.ofMillis(SessionWriteThrottle.ACCESS_TIME_GRANULARITY_MS);

    /** Wraps Spring Session's JDBC repository, so that its filter (and everything else) uses the wrapper. */
    @Bean
    static BeanPostProcessor sessionRoundTripsRepository() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof JdbcIndexedSessionRepository jdbc) {
                    return new Repository((FindByIndexNameSessionRepository<Session>) (Object) jdbc);
                }
                return bean;
            }
        };
    }

    /** Opens the request's memory before Spring Session's filter runs and forgets it after the filter has finished. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionRoundTripsFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(requestScope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setName("sessionRoundTrips");
        return registration;
    }

    static OncePerRequestFilter requestScope() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                Map<String, Optional<Tracked>> outer = REQUEST.get();
                REQUEST.set(new HashMap<>());
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (outer == null) {
                        REQUEST.remove();
                    } else {
                        REQUEST.set(outer);
                    }
                }
            }
        };
    }

    /**
     * The repository as Spring Session's filter sees it. Within a request, {@link #findById} answers from what the
     * request has already read, saved or deleted under that id, and {@link #save} skips a session in which only the
     * access time moved, by less than a minute since it was stored. Everything else, and every call outside a
     * request, goes to the database.
     */
    static final class Repository implements FindByIndexNameSessionRepository<Session> {

        private final FindByIndexNameSessionRepository<Session> delegate;

        Repository(FindByIndexNameSessionRepository<Session> delegate) {
            this.delegate = delegate;
        }

        FindByIndexNameSessionRepository<Session> delegate() {
            return delegate;
        }

        @Override
        public Session createSession() {
            return new Tracked(delegate.createSession(), null);
        }

        @Override
        public void save(Session session) {
            if (!(session instanceof Tracked t)) {
                delegate.save(session);
                return;
            }
            if (t.needsWriting()) {
                delegate.save(t.stored);
                t.written();
            }
            Map<String, Optional<Tracked>> known = REQUEST.get();
            if (known != null) {
                // the session may have been saved under a new id (sign-in changes it): forget the old one, which the
                // database no longer holds either
                known.values().removeIf(s -> s.isPresent() && s.get() == t);
                known.put(t.getId(), Optional.of(t));
            }
        }

        @Override
        public Session findById(String id) {
            Map<String, Optional<Tracked>> known = REQUEST.get();
            if (known == null) {
                return delegate.findById(id);
            }
            Optional<Tracked> seen = known.get(id);
            if (seen != null && (seen.isEmpty() || seen.get().getId().equals(id) && !seen.get().isExpired())) {
                return seen.orElse(null);
            }
            Session found = delegate.findById(id);
            Tracked tracked = found == null ? null : new Tracked(found, found.getLastAccessedTime());
            known.put(id, Optional.ofNullable(tracked));
            return tracked;
        }

        @Override
        public void deleteById(String id) {
            delegate.deleteById(id);
            Map<String, Optional<Tracked>> known = REQUEST.get();
            if (known != null) {
                known.put(id, Optional.empty());
            }
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
        }
    }

    /**
     * A session as read from (or created for) the database, noting whether anything but its access time changed
     * since then.
     */
    static final class Tracked implements Session {

        private final Session stored;
        /** The access time the database holds for it; {@code null} while it has never been written. */
        private Instant storedAccessTime;
        private boolean changed;

        Tracked(Session stored, Instant storedAccessTime) {
            this.stored = stored;
            this.storedAccessTime = storedAccessTime;
        }

        boolean needsWriting() {
            if (changed || storedAccessTime == null) {
                return true;
            }
            Duration moved = Duration.between(storedAccessTime, stored.getLastAccessedTime());
            return moved.isNegative() || moved.compareTo(ACCESS_TIME_GRANULARITY) >= 0;
        }

        void written() {
            changed = false;
            storedAccessTime = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(stored.getMaxInactiveInterval())) {
                changed = true;
            }
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
