package org.kepu.plan.progress;

import java.util.Map;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.kepu.shared.ScopeSql;

/**
 * Who sees and changes progress reports. A unit's liaison and head see and write only their own unit's reports (the
 * head signs off by submitting). The office admin sees the reports of plans (annual reports: of units) in their
 * subtree and accepts or returns them. Leaders and evaluators read their subtree. Township and village accounts,
 * volunteers and the platform admins see none.
 */
public final class ReportAccess {

    private ReportAccess() {
    }

    /**
     * SQL condition over a report's division path, unit and state columns. The office, leaders and evaluators do not
     * see drafts ({@code stateColumn} may be null where there is no report row).
     */
    public static ScopeSql readable(CurrentUser user, String pathColumn, String unitColumn, String stateColumn) {
        Scope scope = user.scope();
        if (scope.none() || user.role().platformAdmin()) {
            return new ScopeSql("false", Map.of());
        }
        if (isUnit(user)) {
            return scope.unitId() == null ? new ScopeSql("false", Map.of())
                    : new ScopeSql(unitColumn + " = :reportUnitId", Map.of("reportUnitId", scope.unitId()));
        }
        if (user.is(Role.OFFICE_ADMIN) || user.is(Role.LEADER) || user.is(Role.EVALUATOR)) {
            ScopeSql s = ScopeSql.of(scope, pathColumn, null);
            return stateColumn == null ? s
                    : new ScopeSql("(" + s.condition() + " and " + stateColumn + " <> 'DRAFT')", s.params());
        }
        return new ScopeSql("false", Map.of());
    }

    /** The unit's liaison or head writes and submits the unit's reports. */
    public static boolean canEdit(CurrentUser user, long unitId) {
        return isUnit(user) && user.scope().unitId() != null && user.scope().unitId() == unitId;
    }

    /** The office admin whose subtree holds {@code path} accepts and returns. */
    public static boolean canReview(CurrentUser user, String path) {
        return user.is(Role.OFFICE_ADMIN) && user.scope().unitId() == null && user.scope().coversPath(path);
    }

    public static boolean isUnit(CurrentUser user) {
        return user.is(Role.UNIT_LIAISON) || user.is(Role.UNIT_HEAD);
    }

    public static boolean isOffice(CurrentUser user) {
        return user.is(Role.OFFICE_ADMIN) && user.scope().unitId() == null && user.scope().divisionPath() != null;
    }
}
