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
        return new ScopeSql(subtree(pathColumn, "scopePath"),
                Map.of("scopePath", scope.divisionPath(), "scopePathEnd", subtreeEnd(scope.divisionPath())));
    }

    /**
     * The condition "{@code pathColumn} is the division at {@code :<param>} or below it", as one range over the
     * column's {@code text_pattern_ops} index: {@code path ≤ column < path || '0'}. Paths are division codes (digits)
     * joined by '/', and '/' sorts just below '0', so the range holds the division itself and every path under it
     * and nothing else (a sibling such as {@code 3607341} continues with a digit). One range instead of
     * "{@code = path or like 'path/%'}" lets PostgreSQL answer counts from the index alone. Bind {@code :<param>} to
     * the path and {@code :<param>End} to {@link #subtreeEnd(String)}.
     */
    public static String subtree(String pathColumn, String param) {
        return "(" + pathColumn + " ~>=~ :" + param + " and " + pathColumn + " ~<~ :" + param + "End)";
    }

    /** The exclusive upper bound of the subtree range of {@link #subtree(String, String)}. */
    public static String subtreeEnd(String path) {
        return path + "0";
    }

    /** {@code path/%} with LIKE wildcards in the path escaped. */
    public static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }
}
