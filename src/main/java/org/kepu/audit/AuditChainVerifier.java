package org.kepu.audit;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes the hash chain of the operation log and reports the first row that does not match. */
@Service
public class AuditChainVerifier {

    private final JdbcClient jdbc;

    AuditChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the first broken row, or empty when the whole chain is intact. */
    @Transactional(readOnly = true)
    public Optional<Long> firstBrokenRow() {
        var state = new Object() {
            String prev = null;
            Long broken = null;
        };
        jdbc.sql("""
                select id, at, username, action, entity_type, entity_id, cast(before_data as text) b,
                       cast(after_data as text) a, ip, prev_hash, hash
                from audit_log order by id
                """).query(rs -> {
                    if (state.broken != null) {
                        return;
                    }
                    String expected = AuditLog.hash(state.prev, rs.getObject("at", OffsetDateTime.class),
                            rs.getString("username"), rs.getString("action"), rs.getString("entity_type"),
                            rs.getString("entity_id"), rs.getString("b"), rs.getString("a"), rs.getString("ip"));
                    String prevHash = rs.getString("prev_hash");
                    boolean prevOk = state.prev == null ? prevHash == null : state.prev.equals(prevHash);
                    if (!prevOk || !expected.equals(rs.getString("hash"))) {
                        state.broken = rs.getLong("id");
                    }
                    state.prev = rs.getString("hash");
                });
        return Optional.ofNullable(state.broken);
    }
}
