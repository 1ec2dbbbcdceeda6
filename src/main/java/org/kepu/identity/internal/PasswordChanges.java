package org.kepu.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.shared.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user changes his own password: the current one must be right and the new one must pass the policy. */
@Service
public class PasswordChanges {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    PasswordChanges(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** Changes the password; returns the message keys of the problems (empty when it was changed). */
    @Transactional
    public List<String> change(CurrentUser user, String current, String proposed, String confirmation) {
        String hash = jdbc.sql("select password_hash from app_user where id = :id for update").param("id", user.id())
                .query(String.class).single();
        List<String> errors = new ArrayList<>();
        if (current == null || !encoder.matches(current, hash)) {
            errors.add("password.currentWrong");
        }
        errors.addAll(PasswordPolicy.violations(user.username(), proposed));
        if (proposed != null && !proposed.equals(confirmation)) {
            errors.add("password.mismatch");
        }
        if (errors.isEmpty() && encoder.matches(proposed, hash)) {
            errors.add("password.sameAsPrevious");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                update app_user set password_hash = :hash, must_change_password = false, password_changed_at = :now,
                       updated_at = now(), version = version + 1 where id = :id
                """).param("hash", encoder.encode(proposed)).param("now", now).param("id", user.id()).update();
        audit.record("PASSWORD_CHANGE", "app_user", user.id(), null, Map.of("passwordChangedAt", now.toString()));
        return List.of();
    }
}
