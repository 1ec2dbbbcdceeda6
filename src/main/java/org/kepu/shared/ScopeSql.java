package org.kepu.shared;

import java.util.Map;

/**
 * The one place that turns a {@link Scope} into SQL. Every query over records that belong to a division (and
 * possibly a unit) appends {@link #condition()} and binds {@link #params()}.
 *
 * <pre>
 * var s = ScopeSql.of(user.scope(), "a.division_path", "a.organizer_unit_id");
 * jdbc.sql("select ... from activity a where " + s.condition()).params(s.params())...
 * </pre>
 */
public record ScopeSql(String condition, Map<String, Object> params) {

    public static ScopeSql of(Scope scope, String pathColumn, String unitColumn) {
        if (scope.none()) {
            return new ScopeSql("false", Map.of());
        }
        if (scope.unitId() != null) {
            if (unitColumn == null) {
                return new ScopeSql("false", Map.of());
            }
            return new ScopeSql(unitColumn + " = :scopeUnitId", Map.of("scopeUnitId", scope.unitId()));
        }
        if (scope.divisionPath() == null) {
            return new ScopeSql("true", Map.of());
        }
        return new ScopeSql("(" + pathColumn + " = :scopePath or " + pathColumn + " like :scopePathPrefix)",
                Map.of("scopePath", scope.divisionPath(), "scopePathPrefix", likePrefix(scope.divisionPath())));
    }

    /** {@code path/%} with LIKE wildcards in the path escaped. */
    public static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }
}
