package org.kepu.region.internal;

import java.util.Optional;
import org.kepu.region.Division;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;

/**
 * Who sees and changes which divisions. Everybody signed in sees the subtree of their scope (a unit's people: the
 * subtree of the unit's division); the platform admins see the whole tree. Population and urban/rural type are
 * changed by the office admin inside their scope and by the system admin.
 */
public final class DivisionAccess {

    private DivisionAccess() {
    }

    public static boolean seesAll(CurrentUser user) {
        return user.role().platformAdmin();
    }

    /** The path of the caller's subtree; empty when the caller sees all divisions or none. */
    public static Optional<String> scopePath(CurrentUser user) {
        if (seesAll(user) || user.scope().none()) {
            return Optional.empty();
        }
        return Optional.ofNullable(user.scope().divisionPath());
    }

    public static boolean canRead(CurrentUser user, String path) {
        if (seesAll(user)) {
            return true;
        }
        return scopePath(user).map(p -> path.equals(p) || path.startsWith(p + "/")).orElse(false);
    }

    public static boolean canRead(CurrentUser user, Division d) {
        return canRead(user, d.path());
    }

    public static boolean canEdit(CurrentUser user, String path) {
        if (user.is(Role.SYS_ADMIN)) {
            return true;
        }
        return user.is(Role.OFFICE_ADMIN) && user.scope().coversPath(path);
    }

    public static boolean canImport(CurrentUser user) {
        return user.is(Role.SYS_ADMIN) || user.is(Role.OFFICE_ADMIN);
    }
}
