package org.kepu.organization.internal;

import java.util.Map;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.ScopeSql;

/**
 * Who sees and changes which member units. Division-scoped users see the units of the divisions on their way up to
 * the root and inside their subtree (a township sees the county's units); a unit's liaison or head sees their own
 * unit; platform admins see none. The office admin manages the units inside their subtree; a unit's liaison or head
 * also keeps their own unit's liaison list.
 */
public final class UnitAccess {

    private UnitAccess() {
    }

    /** SQL condition over a member_unit aliased {@code u}, with its parameters. */
    public static ScopeSql readable(CurrentUser user) {
        var scope = user.scope();
        if (user.role().platformAdmin() || scope.none()) {
            return new ScopeSql("false", Map.of());
        }
        if (scope.unitId() != null) {
            return new ScopeSql("u.id = :accUnitId", Map.of("accUnitId", scope.unitId()));
        }
        if (scope.divisionPath() == null) {
            return new ScopeSql("true", Map.of());
        }
        return new ScopeSql("(u.division_path = :accPath or u.division_path like :accPrefix"
                + " or :accPath like u.division_path || '/%')",
                Map.of("accPath", scope.divisionPath(), "accPrefix", ScopeSql.likePrefix(scope.divisionPath())));
    }

    public static boolean canManage(CurrentUser user, String unitDivisionPath) {
        return user.is(Role.OFFICE_ADMIN) && user.scope().coversPath(unitDivisionPath);
    }

    public static boolean canManageLiaisons(CurrentUser user, long unitId, String unitDivisionPath) {
        if (canManage(user, unitDivisionPath)) {
            return true;
        }
        return (user.is(Role.UNIT_LIAISON) || user.is(Role.UNIT_HEAD)) && user.scope().unitId() != null
                && user.scope().unitId() == unitId;
    }

    /** Phones in full for the office admin; everybody else sees them masked. */
    public static boolean seesFullPhone(CurrentUser user) {
        return user.is(Role.OFFICE_ADMIN);
    }
}
