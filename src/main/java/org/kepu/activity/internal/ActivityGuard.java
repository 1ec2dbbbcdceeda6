package org.kepu.activity.internal;

import java.util.function.Predicate;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Loads a record for a caller: missing or out of scope on read → 404; on write out of scope → 403. */
@Component
public class ActivityGuard {

    private final ActivityStore store;

    ActivityGuard(ActivityStore store) {
        this.store = store;
    }

    public ActivityRow readable(long id, CurrentUser user) {
        return store.find(id).filter(r -> ActivityRules.canRead(user, r))
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /**
     * The record if {@code rule} allows; missing → 404; out of scope or a read-only role → 403; in scope but the
     * status does not allow it → 400 with a message saying so.
     */
    public ActivityRow writable(long id, CurrentUser user, Predicate<ActivityRow> rule) {
        ActivityRow row = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!rule.test(row)) {
            if (ActivityRules.canRead(user, row) && ActivityRules.writer(user)) {
                throw new BadRequestException("activity.error.notAllowedInStatus");
            }
            throw new ForbiddenException("error.forbidden");
        }
        return row;
    }
}
