package org.kepu.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.kepu.identity.internal.LoginAttempts;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * What happens around the sign-in form: failures are counted (and may lock the name), successes reset the
 * counter, both are audited; an account that must change its password goes straight to the change form.
 */
class LoginFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    /** Session attribute with the end of the lock, shown on the sign-in page. */
    static final String LOCKED_UNTIL = "org.kepu.identity.LoginFlow.lockedUntil";

    private final LoginAttempts attempts;
    private final SavedRequestAwareAuthenticationSuccessHandler savedRequest =
            new SavedRequestAwareAuthenticationSuccessHandler();

    LoginFlow(LoginAttempts attempts) {
        this.attempts = attempts;
        savedRequest.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        AppUserPrincipal principal = (AppUserPrincipal) authentication.getPrincipal();
        attempts.recordSuccess(principal.user());
        if (principal.mustChangePassword()) {
            response.sendRedirect("/account/password");
            return;
        }
        savedRequest.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        Optional<Instant> lockedUntil = attempts.recordFailure(username, reasonOf(exception));
        if (lockedUntil.isPresent()) {
            request.getSession().setAttribute(LOCKED_UNTIL, lockedUntil.get());
            response.sendRedirect("/login?locked");
        } else {
            response.sendRedirect("/login?error");
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal p) {
            attempts.recordLogout(p.user());
        }
    }

    private static String reasonOf(AuthenticationException e) {
        if (e instanceof LockedException) {
            return "LOCKED";
        }
        if (e instanceof DisabledException || e instanceof AccountExpiredException) {
            return "DISABLED_OR_EXPIRED";
        }
        return "BAD_CREDENTIALS";
    }
}
