package org.kepu.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 * Each signed-in request reads its session from the database once instead of twice.
 *
 * <p>Spring Session's filter reads the session when the request first needs it, saves it at the end, then reads it
 * again only to check that the id the browser sent is still valid (spring-session issue 1731). With sessions in the
 * database that second read is a transaction of its own and a second deserialisation of the session's attributes,
 * on every page, fragment and API call. Here the repository the filter uses remembers, for the length of one request,
 * the sessions it has read, saved or deleted ({@link Repository}); a filter placed just outside Spring Session's
 * opens and ends that memory ({@link #requestScope}). Outside a request (the expired-session cleanup) every call goes
 * to the database as before, and so does every lookup by principal name (ending an account's sessions).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionReadOnce {

    /** The sessions this thread's current request has read, saved or deleted; absent outside a request. */
    private static final ThreadLocal<Map<String, Optional<Session>>> REQUEST = new ThreadLocal<>();

    /** Wraps Spring Session's JDBC repository, so that its filter (and everything else) uses the wrapper. */
    @Bean
    static BeanPostProcessor sessionReadOnceRepository() {
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
    FilterRegistrationBean<OncePerRequestFilter> sessionReadOnceFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(requestScope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setName("sessionReadOnce");
        return registration;
    }

    static OncePerRequestFilter requestScope() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                Map<String, Optional<Session>> outer = REQUEST.get();
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
     * request has already read, saved or deleted under that id; everything else, and every call outside a request,
     * goes to the database.
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
            return delegate.createSession();
        }

        @Override
        public void save(Session session) {
            delegate.save(session);
            Map<String, Optional<Session>> known = REQUEST.get();
            if (known != null) {
                // the session may have been saved under a new id (sign-in changes it): forget the old one, which the
                // database no longer holds either
                known.values().removeIf(s -> s.isPresent() && s.get() == session);
                known.put(session.getId(), Optional.of(session));
            }
        }

        @Override
        public Session findById(String id) {
            Map<String, Optional<Session>> known = REQUEST.get();
            if (known == null) {
                return delegate.findById(id);
            }
            Optional<Session> seen = known.get(id);
            if (seen != null && (seen.isEmpty() || seen.get().getId().equals(id) && !seen.get().isExpired())) {
                return seen.orElse(null);
            }
            Session found = delegate.findById(id);
            known.put(id, Optional.ofNullable(found));
            return found;
        }

        @Override
        public void deleteById(String id) {
            delegate.deleteById(id);
            Map<String, Optional<Session>> known = REQUEST.get();
            if (known != null) {
                known.put(id, Optional.empty());
            }
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
        }
    }
}
