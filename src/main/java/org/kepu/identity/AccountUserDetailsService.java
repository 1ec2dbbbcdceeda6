package org.kepu.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account and derives its data scope from its role. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AppUserPrincipal loadUserByUsername(String username) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.password_hash, u.role, u.division_path, u.unit_id,
                       u.enabled, u.locked_until, u.must_change_password, u.expires_at, m.division_path unit_path
                from app_user u left join member_unit m on m.id = u.unit_id
                where u.username = :username
                """).param("username", username).query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString("role"));
                    Long unitId = rs.getObject("unit_id", Long.class);
                    Scope scope = scopeOf(role, rs.getString("division_path"), unitId, rs.getString("unit_path"));
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now());
                    boolean expired = expiresAt != null && expiresAt.toInstant().isBefore(Instant.now());
                    var user = new CurrentUser(rs.getLong("id"), rs.getString("username"),
                            rs.getString("display_name"), role, scope);
                    return new AppUserPrincipal(user, rs.getString("password_hash"),
                            rs.getBoolean("enabled") && !expired, locked, rs.getBoolean("must_change_password"));
                }).optional().orElseThrow(() -> new UsernameNotFoundException(username));
    }

    static Scope scopeOf(Role role, String divisionPath, Long unitId, String unitPath) {
        if (role.platformAdmin() || role == Role.VOLUNTEER || role == Role.TEAM_LEADER) {
            return Scope.NONE;
        }
        if ((role == Role.UNIT_LIAISON || role == Role.UNIT_HEAD) && unitId != null) {
            return Scope.unit(unitId, unitPath);
        }
        if (divisionPath != null) {
            return Scope.division(divisionPath);
        }
        return Scope.NONE;
    }
}
