package org.kepu.audit.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the operation log is kept. Nothing in the platform deletes or archives audit rows: the setting
 * {@code kepu.audit.retention-days} (default 365) documents the promise and must not be below the 180 days that
 * 等保 level 3 requires; the application refuses to start with a smaller value.
 */
@Component
public class AuditRetention {

    public static final int MINIMUM_DAYS = 180;

    private final int days;

    AuditRetention(@Value("${kepu.audit.retention-days:365}") int days) {
        if (days < MINIMUM_DAYS) {
            throw new IllegalStateException("kepu.audit.retention-days must be at least " + MINIMUM_DAYS);
        }
        this.days = days;
    }

    public int days() {
        return days;
    }
}
