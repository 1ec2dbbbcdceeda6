package org.kepu.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.kepu.shared.Role;

/** An account as the admin pages show it; never carries the password hash. */
public record AccountView(long id, String username, String displayName, Role role, String divisionCode,
        Long unitId, boolean enabled, boolean mustChangePassword, int failedAttempts, OffsetDateTime lockedUntil,
        OffsetDateTime expiresAt, OffsetDateTime lastLoginAt, OffsetDateTime createdAt, int version) {

    static final String COLUMNS = "id, username, display_name, role, division_code, unit_id, enabled, "
            + "must_change_password, failed_attempts, locked_until, expires_at, last_login_at, created_at, version";

    public boolean lockedAt(Clock clock) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
    }

    public boolean expiredAt(Clock clock) {
        return expiresAt != null && !expiresAt.toInstant().isAfter(clock.instant());
    }
}
