package org.kepu.identity;

import java.util.Collection;
import java.util.List;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUserHolder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal of a signed-in account. Serializable because sessions are stored in the database. */
public record AppUserPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean locked,
        boolean mustChangePassword) implements UserDetails, CurrentUserHolder {

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
