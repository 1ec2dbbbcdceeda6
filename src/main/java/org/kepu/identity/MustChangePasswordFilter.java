package org.kepu.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an account that must change its password (first sign-in, after a reset) to {@code /account/password}
 * until it has done so. Only that form, sign-out and static resources stay reachable; the API answers 403, and
 * htmx requests of the page's own fragments 204 (no content to swap).
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_URL = "/account/password";
    private static final List<String> OPEN = List.of(CHANGE_URL, "/logout", "/login", "/error", "/access-denied");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AppUserPrincipal p && p.mustChangePassword()
                && !open(request.getRequestURI())) {
            if (request.getRequestURI().startsWith("/api/")) {
                JsonSecurityErrors.write(response, 403, "Forbidden", "请先在网页上修改初始密码。");
            } else if ("true".equals(request.getHeader("HX-Request"))) {
                // a fragment the page loads by itself (the notification badge): nothing to swap in, rather than the
                // password form followed into the middle of the page
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.sendRedirect(CHANGE_URL);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String uri) {
        return OPEN.contains(uri) || OPEN_PREFIXES.stream().anyMatch(uri::startsWith) || uri.equals("/favicon.ico");
    }
}
