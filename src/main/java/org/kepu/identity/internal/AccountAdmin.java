package org.kepu.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.kepu.audit.AuditLog;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account changes by the system admin (and unlocking by the security admin). Rules of 三权分立: only the system
 * admin manages accounts; nobody changes his own role or disables himself; an existing account never moves into
 * or out of the three platform-admin roles; scopes must fit the role ({@link ScopeRules}). Every change is
 * audited with before/after (never the password hash).
 */
@Service
public class AccountAdmin {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");

    private final JdbcClient jdbc;
    private final AccountQueries queries;
    private final ScopeRules scopes;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final AccountSessions sessions;
    private final Clock clock;

    AccountAdmin(JdbcClient jdbc, AccountQueries queries, ScopeRules scopes, PasswordEncoder encoder,
            AuditLog audit, AccountSessions sessions, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.scopes = scopes;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A new account and its one-time password, shown once to the admin. */
    public record Created(long id, String username, String password) {
    }

    @Transactional
    public Created create(AccountForm form) {
        requireSysAdmin();
        String username = form.username() == null ? "" : form.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new BadRequestException("account.error.username");
        }
        if (queries.findByUsername(username).isPresent()) {
            throw new BadRequestException("account.error.usernameTaken", username);
        }
        Role role = requireRole(form.role());
        String displayName = displayName(form.displayName());
        ScopeRules.Checked scope = scopes.check(role, form.divisionCode(), form.unitId());
        OffsetDateTime expiresAt = expiresAt(role, form);
        String password = RandomPasswords.generate(username);
        long id = jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, division_code, division_path,
                                      unit_id, must_change_password, expires_at)
                values (:u, :d, :hash, :role, :dc, :dp, :unit, true, :exp) returning id
                """).param("u", username).param("d", displayName).param("hash", encoder.encode(password))
                .param("role", role.name()).param("dc", scope.divisionCode()).param("dp", scope.divisionPath())
                .param("unit", scope.unitId()).param("exp", expiresAt).query(Long.class).single();
        audit.record("CREATE", "app_user", id, null, snapshot(queries.require(id)));
        return new Created(id, username, password);
    }

    @Transactional
    public void update(long id, AccountForm form) {
        CurrentUser caller = requireSysAdmin();
        AccountView before = queries.require(id);
        Role role = requireRole(form.role());
        if (role != before.role()) {
            if (before.id() == caller.id()) {
                throw new ForbiddenException("account.error.self");
            }
            if (role.platformAdmin() || before.role().platformAdmin()) {
                throw new ForbiddenException("account.error.platformRole");
            }
        }
        String displayName = displayName(form.displayName());
        ScopeRules.Checked scope = scopes.check(role, form.divisionCode(), form.unitId());
        OffsetDateTime expiresAt = expiresAt(role, form);
        int version = form.version() == null ? before.version() : form.version();
        int rows = jdbc.sql("""
                update app_user set display_name = :d, role = :role, division_code = :dc, division_path = :dp,
                       unit_id = :unit, expires_at = :exp, updated_at = now(), version = version + 1
                where id = :id and version = :v
                """).param("d", displayName).param("role", role.name()).param("dc", scope.divisionCode())
                .param("dp", scope.divisionPath()).param("unit", scope.unitId()).param("exp", expiresAt)
                .param("id", id).param("v", version).update();
        if (rows == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("UPDATE", "app_user", id, snapshot(before), snapshot(queries.require(id)));
        if (role != before.role() || !same(scope, before)) {
            sessions.endAll(before.username());
        }
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        CurrentUser caller = requireSysAdmin();
        if (caller.id() == id) {
            throw new ForbiddenException("account.error.self");
        }
        AccountView before = queries.require(id);
        jdbc.sql("update app_user set enabled = :e, updated_at = now(), version = version + 1 where id = :id")
                .param("e", enabled).param("id", id).update();
        audit.record(enabled ? "ENABLE" : "DISABLE", "app_user", id, snapshot(before), snapshot(queries.require(id)));
        if (!enabled) {
            sessions.endAll(before.username());
        }
    }

    /** Lifts a lockout; allowed to the system admin and the security admin. */
    @Transactional
    public void unlock(long id) {
        CurrentUser caller = CurrentUsers.require();
        if (!caller.is(Role.SYS_ADMIN) && !caller.is(Role.SEC_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
        AccountView before = queries.require(id);
        jdbc.sql("""
                update app_user set failed_attempts = 0, locked_until = null, updated_at = now(),
                       version = version + 1 where id = :id
                """).param("id", id).update();
        audit.record("UNLOCK", "app_user", id, snapshot(before), snapshot(queries.require(id)));
    }

    /** Sets a random one-time password (returned, shown once) and forces a change at the next sign-in. */
    @Transactional
    public String resetPassword(long id) {
        CurrentUser caller = requireSysAdmin();
        if (caller.id() == id) {
            throw new ForbiddenException("account.error.self");
        }
        AccountView before = queries.require(id);
        String password = RandomPasswords.generate(before.username());
        jdbc.sql("""
                update app_user set password_hash = :hash, must_change_password = true, failed_attempts = 0,
                       locked_until = null, updated_at = now(), version = version + 1 where id = :id
                """).param("hash", encoder.encode(password)).param("id", id).update();
        audit.record("PASSWORD_RESET", "app_user", id, snapshot(before), snapshot(queries.require(id)));
        sessions.endAll(before.username());
        return password;
    }

    static Map<String, Object> snapshot(AccountView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("role", a.role().name());
        m.put("divisionCode", a.divisionCode());
        m.put("unitId", a.unitId());
        m.put("enabled", a.enabled());
        m.put("mustChangePassword", a.mustChangePassword());
        m.put("lockedUntil", a.lockedUntil() == null ? null : a.lockedUntil().toInstant().toString());
        m.put("expiresAt", a.expiresAt() == null ? null : a.expiresAt().toInstant().toString());
        return m;
    }

    private static boolean same(ScopeRules.Checked scope, AccountView before) {
        return java.util.Objects.equals(scope.divisionCode(), before.divisionCode())
                && java.util.Objects.equals(scope.unitId(), before.unitId());
    }

    private OffsetDateTime expiresAt(Role role, AccountForm form) {
        if (form.expiresOn() == null) {
            if (role == Role.EVALUATOR) {
                throw new BadRequestException("account.error.expiryRequired");
            }
            return null;
        }
        OffsetDateTime at = form.expiresOn().plusDays(1).atStartOfDay(Zones.CHINA).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        if (!at.toInstant().isAfter(clock.instant())) {
            throw new BadRequestException("account.error.expiryPast");
        }
        return at;
    }

    private static Role requireRole(Role role) {
        if (role == null) {
            throw new BadRequestException("account.error.role");
        }
        return role;
    }

    private static String displayName(String name) {
        String d = name == null ? "" : name.trim();
        if (d.isEmpty() || d.length() > 100) {
            throw new BadRequestException("account.error.displayName");
        }
        return d;
    }

    private static CurrentUser requireSysAdmin() {
        CurrentUser caller = CurrentUsers.require();
        if (!caller.is(Role.SYS_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
        return caller;
    }
}
