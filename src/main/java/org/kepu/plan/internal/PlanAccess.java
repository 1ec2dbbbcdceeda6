package org.kepu.plan.internal;

import java.util.Map;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.kepu.shared.ScopeSql;

/**
 * Who sees and changes which plans. A plan belongs to a division. The office admin sees and changes the plans of
 * their subtree, drafts included. Leaders, evaluators, township admins and village recorders read the plans of
 * their subtree that are in force or closed. A unit's liaison or head reads the plans of their unit's division that
 * are in force or closed. Platform admins and volunteers see none.
 */
public final class PlanAccess {

    private PlanAccess() {
    }

    /** SQL condition over a plan aliased {@code p}. */
    public static ScopeSql readable(CurrentUser user) {
        Scope scope = user.scope();
        if (user.role().platformAdmin() || scope.none()) {
            return new ScopeSql("false", Map.of());
        }
        if (scope.unitId() != null) {
            if (scope.divisionPath() == null) {
                return new ScopeSql("false", Map.of());
            }
            return new ScopeSql("(p.division_path = :planUnitPath and p.status <> 'DRAFT')",
                    Map.of("planUnitPath", scope.divisionPath()));
        }
        ScopeSql base = ScopeSql.of(scope, "p.division_path", null);
        if (user.is(Role.OFFICE_ADMIN)) {
            return base;
        }
        return new ScopeSql("(" + base.condition() + " and p.status <> 'DRAFT')", base.params());
    }

    /** The office admin whose subtree holds the plan's division. */
    public static boolean canWrite(CurrentUser user, String planDivisionPath) {
        return user.is(Role.OFFICE_ADMIN) && user.scope().coversPath(planDivisionPath);
    }

    /** Whether {@code user} may create plans at all (at their own division or below). */
    public static boolean canCreate(CurrentUser user) {
        return user.is(Role.OFFICE_ADMIN) && user.scope().divisionPath() != null && user.scope().unitId() == null;
    }
}
