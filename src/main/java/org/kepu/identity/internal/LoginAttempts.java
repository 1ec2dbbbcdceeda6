package org.kepu.identity.internal;

import org.kepu.shared.db.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kepu.audit.AuditLog;
import org.kepu.shared.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and locks an account for {@link #LOCK_DURATION} after {@link #MAX_FAILURES} failures in a
 * row. Names without an account are counted the same way (in {@code login_throttle}) so that the sign-in page
 * behaves identically for existing and unknown names. Every attempt is written to the audit log.
 */
@Service
public class LoginAttempts {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private record Counter(Long userId, int failedAttempts, OffsetDateTime lockedUntil) {
    }

    /**
     * Counts a failed attempt for {@code username}; returns the end of the lock when the name is (now) locked.
     * {@code reason} is stored in the audit log only.
     */
    @Transactional
    public Optional<Instant> recordFailure(String rawUsername, String reason) {
        String username = normalise(rawUsername);
        Instant now = clock.instant();
        Counter account = jdbc.sql("""
                select id user_id, failed_attempts, locked_until from app_user where username = :u for update
                """).param("u", username).query(Rows.of(Counter.class)).optional().orElse(null);
        Counter counter = account != null ? account : throttleRow(username);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        if (counter.lockedUntil() != null && counter.lockedUntil().toInstant().isAfter(now)) {
            detail.put("lockedUntil", counter.lockedUntil().toInstant().toString());
            audit.recordFor(counter.userId(), auditName(username), "LOGIN_FAILURE", detail);
            return Optional.of(counter.lockedUntil().toInstant());
        }
        int attempts = counter.failedAttempts() + 1;
        Instant lockedUntil = attempts >= MAX_FAILURES ? now.plus(LOCK_DURATION) : null;
        store(account != null, username, lockedUntil == null ? attempts : 0, lockedUntil, now);
        detail.put("failedAttempts", attempts);
        audit.recordFor(counter.userId(), auditName(username), "LOGIN_FAILURE", detail);
        if (lockedUntil != null) {
            audit.recordFor(counter.userId(), auditName(username), "LOGIN_LOCKED",
                    Map.of("lockedUntil", lockedUntil.toString(), "failedAttempts", attempts));
        }
        return Optional.ofNullable(lockedUntil);
    }

    /** Resets the counter after a successful sign-in and records it. */
    @Transactional
    public void recordSuccess(CurrentUser user) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, last_login_at = :now where id = :id")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", user.id())
                .update();
        audit.recordFor(user.id(), user.username(), "LOGIN_SUCCESS", Map.of("role", user.role().name()));
    }

    /** Records a sign-out. */
    public void recordLogout(CurrentUser user) {
        audit.recordFor(user.id(), user.username(), "LOGOUT", null);
    }

    private Counter throttleRow(String username) {
        jdbc.sql("delete from login_throttle where updated_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC))
                .update();
        return jdbc.sql("""
                select cast(null as bigint) user_id, failed_attempts, locked_until
                from login_throttle where username = :u for update
                """).param("u", username).query(Rows.of(Counter.class)).optional().orElse(new Counter(null, 0, null));
    }

    private void store(boolean account, String username, int attempts, Instant lockedUntil, Instant now) {
        OffsetDateTime until = lockedUntil == null ? null : OffsetDateTime.ofInstant(lockedUntil, ZoneOffset.UTC);
        if (account) {
            jdbc.sql("update app_user set failed_attempts = :a, locked_until = :until where username = :u")
                    .param("a", attempts).param("until", until).param("u", username).update();
        } else {
            jdbc.sql("""
                    insert into login_throttle (username, failed_attempts, locked_until, updated_at)
                    values (:u, :a, :until, :now)
                    on conflict (username) do update set failed_attempts = excluded.failed_attempts,
                        locked_until = excluded.locked_until, updated_at = excluded.updated_at
                    """).param("u", username).param("a", attempts).param("until", until)
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        }
    }

    private static String normalise(String username) {
        String u = username == null ? "" : username.trim();
        return u.length() > MAX_NAME ? u.substring(0, MAX_NAME) : u;
    }

    private static String auditName(String username) {
        return username.length() > 50 ? username.substring(0, 50) : username;
    }
}
