package org.kepu.activity.internal;

import org.kepu.activity.ActivityActions;
import org.kepu.activity.ActivityStatus;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;

/**
 * Who may do what with an activity. Read: the record lies in the caller's scope. Write: a writing role in scope,
 * and the status allows it — open records (draft, returned) by any writer; submitted records by a verifier;
 * verified records by the office only.
 */
public final class ActivityRules {

    private ActivityRules() {
    }

    public static boolean canRead(CurrentUser user, ActivityRow row) {
        return !user.scope().none() && user.scope().covers(row.divisionPath(), row.organizerUnitId());
    }

    public static boolean writer(CurrentUser user) {
        return user.canWrite() && !user.scope().none();
    }

    public static boolean canEdit(CurrentUser user, ActivityRow row) {
        if (!writer(user) || !canRead(user, row)) {
            return false;
        }
        return switch (row.status()) {
            case DRAFT, RETURNED -> true;
            case SUBMITTED -> user.role().verifier();
            case VERIFIED -> user.role() == Role.OFFICE_ADMIN;
        };
    }

    public static boolean canDelete(CurrentUser user, ActivityRow row) {
        return writer(user) && canRead(user, row) && row.status() == ActivityStatus.DRAFT;
    }

    public static boolean canSubmit(CurrentUser user, ActivityRow row) {
        return writer(user) && canRead(user, row) && row.status().open();
    }

    public static boolean canReview(CurrentUser user, ActivityRow row) {
        return user.role().verifier() && canRead(user, row) && row.status() == ActivityStatus.SUBMITTED;
    }

    public static boolean canRemoveEvidence(CurrentUser user, ActivityRow row) {
        return writer(user) && canRead(user, row) && row.status().open();
    }

    public static ActivityActions actions(CurrentUser user, ActivityRow row) {
        return new ActivityActions(canEdit(user, row), canDelete(user, row), canSubmit(user, row),
                canReview(user, row), canReview(user, row), canEdit(user, row), canRemoveEvidence(user, row));
    }
}
