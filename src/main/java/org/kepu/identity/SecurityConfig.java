package org.kepu.identity;

import jakarta.servlet.DispatcherType;
import org.kepu.identity.internal.ApiTokens;
import org.kepu.identity.internal.LoginAttempts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Two filter chains. {@code /api/**}: Bearer tokens (stateless) or the browser's session, 401/403 as JSON, CSRF
 * required only for session requests. Everything else: the sign-in form with lockout, role rules for the admin
 * pages, CSRF on every form, strict security headers. Both chains end in {@link MustChangePasswordFilter}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /** The OpenAPI document and the Swagger UI that renders it; the API description itself is public. */
    static final String[] API_DOCS = {"/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs", "/api/v1/docs/**",
        "/api/v1/swagger-ui/**"};

    /** Roles that read and never write (DESIGN §1): refused on every changing request, whatever the handler. */
    static final String[] READ_ONLY_ROLES = {"LEADER", "EVALUATOR"};

    /**
     * A request that changes something (not GET, HEAD or OPTIONS), other than signing in or out, the caller's own
     * account (password, API tokens) and own inbox (marking notifications read), which read-only roles keep.
     */
    static boolean readOnlyRoleWrite(jakarta.servlet.http.HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/login") || path.equals("/logout") || path.equals("/account")
                || path.startsWith("/account/") || path.startsWith("/notifications/"));
    }

    /**
     * No Spring Security observations: {@code management.observations.enable.spring.security=false} already drops
     * what they would record, but without this bean every filter of both chains and every authorization decision
     * is still wrapped in an observation decorator that does nothing (about 3 % of a list request's Java time,
     * docs/PERFORMANCE.md). Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccountUserDetailsService accounts)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(API_DOCS).permitAll()
                        .requestMatchers(SecurityConfig::readOnlyRoleWrite).not().hasAnyRole(READ_ONLY_ROLES)
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(ApiTokenFilter.BEARER))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(JsonSecurityErrors.unauthorized())
                        .accessDeniedHandler(JsonSecurityErrors.forbidden()))
                .addFilterBefore(new ApiTokenFilter(tokens, accounts), CsrfFilter.class)
                .addFilterBefore(new MustChangePasswordFilter(), AuthorizationFilter.class)
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginAttempts attempts) throws Exception {
        var loginFlow = new LoginFlow(attempts);
        var accessDenied = new AccessDeniedHandlerImpl();
        accessDenied.setErrorPage("/access-denied");
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/error", "/access-denied", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers(SecurityConfig::readOnlyRoleWrite).not().hasAnyRole(READ_ONLY_ROLES)
                        .requestMatchers("/admin/users", "/admin/users/**").hasRole("SYS_ADMIN")
                        .requestMatchers("/admin/security", "/admin/security/**").hasRole("SEC_ADMIN")
                        .requestMatchers("/audit", "/audit/**").hasRole("AUDIT_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(loginFlow).failureHandler(loginFlow)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler(loginFlow).logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new SessionAwareEntryPoint())
                        .accessDeniedHandler(accessDenied))
                .addFilterBefore(new MustChangePasswordFilter(), AuthorizationFilter.class)
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(c -> { })
                .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
    }

    /** Sends an anonymous page request to the sign-in page, saying so when an old session has timed out. */
    static final class SessionAwareEntryPoint extends LoginUrlAuthenticationEntryPoint {

        SessionAwareEntryPoint() {
            super("/login");
        }

        @Override
        protected String determineUrlToUseForThisRequest(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                org.springframework.security.core.AuthenticationException exception) {
            boolean timedOut = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            return timedOut ? "/login?expired" : "/login";
        }
    }
}
