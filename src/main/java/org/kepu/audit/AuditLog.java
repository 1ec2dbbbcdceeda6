package org.kepu.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the operation log. Each row's hash is SHA-256 over the previous row's hash and the row's own content, so
 * changing or deleting a row breaks the chain from there on ({@link AuditChainVerifier} finds it). Rows are
 * appended under a transaction-scoped advisory lock so the chain stays linear with several application nodes.
 *
 * <p>Call it inside the transaction of the change it records: the entry commits or rolls back with the change.
 */
@Service
public class AuditLog {

    static final long CHAIN_LOCK = 0x4B45505541554449L; // "KEPUAUDI"

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an action of the current caller (or of "system" outside a request). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        CurrentUser user = CurrentUsers.find().orElse(null);
        append(user == null ? null : user.id(), user == null ? "system" : user.username(), action, entityType,
                entityId, before, after);
    }

    /** Records an action by a named account, e.g. a failed login where nobody is signed in yet. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(Long userId, String username, String action, Object detail) {
        append(userId, username, action, "app_user", userId, null, detail);
    }

    private void append(Long userId, String username, String action, String entityType, Object entityId,
            Object before, Object after) {
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", CHAIN_LOCK).query(Object.class).single();
        String prev = jdbc.sql("select hash from audit_log order by id desc limit 1").query(String.class)
                .optional().orElse(null);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        String id = entityId == null ? null : entityId.toString();
        String ip = clientIp();
        String hash = hash(prev, at, username, action, entityType, id, beforeJson, afterJson, ip);
        jdbc.sql("""
                insert into audit_log (at, user_id, username, action, entity_type, entity_id, before_data,
                                       after_data, ip, prev_hash, hash)
                values (:at, :userId, :username, :action, :entityType, :entityId, cast(:before as jsonb),
                        cast(:after as jsonb), :ip, :prev, :hash)
                """)
                .param("at", at).param("userId", userId).param("username", username).param("action", action)
                .param("entityType", entityType).param("entityId", id).param("before", beforeJson)
                .param("after", afterJson).param("ip", ip).param("prev", prev).param("hash", hash)
                .update();
    }

    static String hash(String prev, OffsetDateTime at, String username, String action, String entityType,
            String entityId, String before, String after, String ip) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prev, at.toInstant().toString(), username, action, entityType, entityId,
                    before, after, ip}) {
                byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
                md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) ':');
                md.update(bytes);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            // Normalise through jsonb's canonical text so the hash can be recomputed from what is stored.
            String raw = json.writeValueAsString(value);
            return jdbc.sql("select cast(cast(:j as jsonb) as text)").param("j", raw).query(String.class).single();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise audit data", e);
        }
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
