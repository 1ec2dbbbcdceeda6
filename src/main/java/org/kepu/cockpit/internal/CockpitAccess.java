package org.kepu.cockpit.internal;

import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;

/** Who opens the cockpit: leaders (read-only) and office admins, over their division subtree. */
public final class CockpitAccess {

    private CockpitAccess() {
    }

    public static boolean allowed(CurrentUser user) {
        return (user.is(Role.LEADER) || user.is(Role.OFFICE_ADMIN)) && !user.scope().none()
                && user.scope().unitId() == null;
    }

    /** The caller, if allowed; else {@link ForbiddenException}. */
    public static CurrentUser require() {
        CurrentUser user = CurrentUsers.require();
        if (!allowed(user)) {
            throw new ForbiddenException("error.forbidden");
        }
        return user;
    }
}
