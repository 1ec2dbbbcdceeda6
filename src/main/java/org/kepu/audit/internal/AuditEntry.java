package org.kepu.audit.internal;

import java.time.OffsetDateTime;

/** One row of the operation log as the viewer shows it; before/after are the stored JSON texts. */
public record AuditEntry(long id, OffsetDateTime at, Long userId, String username, String action,
        String entityType, String entityId, String beforeData, String afterData, String ip) {
}
