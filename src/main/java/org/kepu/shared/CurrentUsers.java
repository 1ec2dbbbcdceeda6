package org.kepu.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the caller of the current request. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUserHolder h) {
            return Optional.of(h.currentUser());
        }
        return Optional.empty();
    }

    /** The caller; throws {@link ForbiddenException} when nobody is signed in. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new ForbiddenException("error.notSignedIn"));
    }
}
