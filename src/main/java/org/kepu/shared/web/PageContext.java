package org.kepu.shared.web;

import java.util.Locale;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page template needs besides its own data: the caller, the CSRF token, the request path and the
 * message bundle. Added to every HTML model as {@code ctx} by {@link PageContextAdvice}.
 */
public final class PageContext {

    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final CurrentUser user;
    private final CsrfToken csrf;
    private final String path;
    private final String query;
    private final MessageSource messages;
    private final String flash;

    public PageContext(CurrentUser user, CsrfToken csrf, String path, String query, MessageSource messages,
            String flash) {
        this.user = user;
        this.csrf = csrf;
        this.path = path;
        this.query = query;
        this.messages = messages;
        this.flash = flash;
    }

    /** The signed-in user, or null on public pages. */
    public CurrentUser user() {
        return user;
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean hasRole(Role role) {
        return user != null && user.role() == role;
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public String path() {
        return path;
    }

    /** The raw query string of the request (without '?'), or empty. */
    public String query() {
        return query == null ? "" : query;
    }

    /** True when the current path is {@code prefix} or below it; used to highlight the navigation. */
    public boolean at(String prefix) {
        return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** A one-time message set by the previous request (post-redirect-get), or null. */
    public String flash() {
        return flash;
    }

    /** The message for {@code key} in Simplified Chinese; the key itself when missing, so gaps are visible. */
    public String t(String key, Object... args) {
        if (args.length == 0 && messages instanceof FlatMessageSource flat) {
            // what getMessage returns for a message without arguments, without its lookup machinery
            String text = flat.text(key);
            return text == null ? key : text;
        }
        return messages.getMessage(key, args, key, LOCALE);
    }
}
