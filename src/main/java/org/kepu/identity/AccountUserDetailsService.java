package org.kepu.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads an account and derives its data scope from its role. Used by the sign-in form, by API tokens and when a
 * session's principal is refreshed, so every way in yields the same {@link AppUserPrincipal} and scope.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private static final String SELECT = """
            select id, username, display_name, password_hash, role, division_path, unit_id, enabled, locked_until,
                   must_change_password, expires_at
            from app_user
            """;

    private final JdbcClient jdbc;
    private final MemberUnitService units;
    private final Clock clock;

    AccountUserDetailsService(JdbcClient jdbc, MemberUnitService units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public AppUserPrincipal loadUserByUsername(String username) {
        return jdbc.sql(SELECT + " where username = :username").param("username", username)
                .query(this::map).optional().orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /** The principal of the account with this id, e.g. the owner of an API token. */
    public Optional<AppUserPrincipal> loadById(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    private AppUserPrincipal map(ResultSet rs, int n) throws SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        Long unitId = rs.getObject("unit_id", Long.class);
        String unitPath = unitId == null ? null
                : units.find(unitId).map(MemberUnitRef::divisionPath).orElse(null);
        Scope scope = scopeOf(role, rs.getString("division_path"), unitId, unitPath);
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
        Instant now = clock.instant();
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        boolean expired = expiresAt != null && !expiresAt.toInstant().isAfter(now);
        var user = new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), role,
                scope);
        return new AppUserPrincipal(user, rs.getString("password_hash"), rs.getBoolean("enabled") && !expired,
                locked, rs.getBoolean("must_change_password"));
    }

    /** The scope an account of {@code role} gets from its stored division path or member unit. */
    public static Scope scopeOf(Role role, String divisionPath, Long unitId, String unitPath) {
        if (role.platformAdmin() || role == Role.VOLUNTEER || role == Role.TEAM_LEADER) {
            return Scope.NONE;
        }
        if (role == Role.UNIT_LIAISON || role == Role.UNIT_HEAD) {
            return unitId == null ? Scope.NONE : Scope.unit(unitId, unitPath);
        }
        if (divisionPath != null) {
            return Scope.division(divisionPath);
        }
        return Scope.NONE;
    }
}
