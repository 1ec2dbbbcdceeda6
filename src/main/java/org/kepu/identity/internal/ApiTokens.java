package org.kepu.identity.internal;

import org.kepu.shared.db.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.audit.AuditLog;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is {@code kepu_} plus 43 random URL-safe characters; only its SHA-256 is stored,
 * so a token can be shown once and never again. Revoked and expired tokens no longer authenticate.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "kepu_";
    private static final int MAX_ACTIVE = 20;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as its owner sees it in the list (never the token itself). */
    public record TokenView(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

        public boolean active(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.toInstant().isAfter(now));
        }
    }

    /** A freshly created token: {@code token} is shown to the user once. */
    public record CreatedToken(long id, String name, String token) {
    }

    @Transactional
    public CreatedToken create(CurrentUser owner, String name, LocalDate expiresOn) {
        if (owner.role().platformAdmin()) {
            throw new ForbiddenException("token.error.platformAdmin");
        }
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new BadRequestException("token.error.name");
        }
        OffsetDateTime expiresAt = null;
        if (expiresOn != null) {
            expiresAt = expiresOn.plusDays(1).atStartOfDay(Zones.CHINA).toOffsetDateTime();
            if (!expiresAt.toInstant().isAfter(clock.instant())) {
                throw new BadRequestException("token.error.expiry");
            }
        }
        long active = jdbc.sql("""
                select count(*) from api_token where user_id = :u and revoked_at is null
                  and (expires_at is null or expires_at > :now)
                """).param("u", owner.id()).param("now", now()).query(Long.class).single();
        if (active >= MAX_ACTIVE) {
            throw new BadRequestException("token.error.tooMany", MAX_ACTIVE);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String prefix = token.substring(0, 12);
        long id = jdbc.sql("""
                insert into api_token (user_id, name, token_hash, prefix, created_at, expires_at)
                values (:u, :name, :hash, :prefix, :now, :expires) returning id
                """).param("u", owner.id()).param("name", trimmed).param("hash", sha256(token))
                .param("prefix", prefix).param("now", now()).param("expires", expiresAt).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", trimmed);
        after.put("prefix", prefix);
        after.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        audit.record("TOKEN_CREATE", "api_token", id, null, after);
        return new CreatedToken(id, trimmed, token);
    }

    @Transactional(readOnly = true)
    public List<TokenView> list(CurrentUser owner) {
        return jdbc.sql("""
                select id, name, prefix, created_at, expires_at, revoked_at, last_used_at
                from api_token where user_id = :u order by revoked_at nulls first, created_at desc
                """).param("u", owner.id()).query(Rows.of(TokenView.class)).list();
    }

    @Transactional
    public void revoke(CurrentUser owner, long tokenId) {
        TokenView token = jdbc.sql("""
                select id, name, prefix, created_at, expires_at, revoked_at, last_used_at
                from api_token where id = :id and user_id = :u for update
                """).param("id", tokenId).param("u", owner.id()).query(Rows.of(TokenView.class)).optional()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("update api_token set revoked_at = :now where id = :id").param("now", now()).param("id", tokenId)
                .update();
        audit.record("TOKEN_REVOKE", "api_token", tokenId, Map.of("name", token.name(), "prefix", token.prefix()),
                Map.of("revoked", true));
    }

    /** The id of the account a presented token belongs to, when the token is known, not revoked, not expired. */
    @Transactional
    public Optional<Long> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        record Hit(long id, long userId, OffsetDateTime lastUsedAt) {
        }
        Optional<Hit> hit = jdbc.sql("""
                select id, user_id, last_used_at from api_token
                where token_hash = :h and revoked_at is null and (expires_at is null or expires_at > :now)
                """).param("h", sha256(token)).param("now", now()).query(Rows.of(Hit.class)).optional();
        hit.filter(h -> h.lastUsedAt() == null
                || h.lastUsedAt().toInstant().plus(LAST_USED_GRANULARITY).isBefore(clock.instant()))
                .ifPresent(h -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
                        .param("now", now()).param("id", h.id()).update());
        return hit.map(Hit::userId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
