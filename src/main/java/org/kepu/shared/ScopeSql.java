package org.kepu.shared;

import java.util.Map;
import java.util.regex.Pattern;

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

    /** As {@link #of}, with a division scope's path written as a literal ({@link #subtreeLiteral}). */
    public static ScopeSql ofLiteral(Scope scope, String pathColumn, String unitColumn) {
        if (scope.none() || scope.unitId() != null || scope.divisionPath() == null) {
            return of(scope, pathColumn, unitColumn);
        }
        return new ScopeSql(subtreeLiteral(pathColumn, scope.divisionPath()), Map.of());
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

    /**
     * As {@link #subtree(String, String)}, with the path written into the SQL as a literal instead of bound. For
     * queries whose plans PostgreSQL may reuse (see {@code ActivitySearch.reusePlansWhenStable}): a reused plan is
     * made without the bound values, so with a bound path it cannot know whether the range holds one village or the
     * whole province; with the literal each division gets a plan of its own. Safe because a division path is digits
     * joined by '/' (checked here, and by the database's {@code division_path_digits} constraint).
     */
    public static String subtreeLiteral(String pathColumn, String path) {
        String literal = literal(path);
        return "(" + pathColumn + " ~>=~ " + literal + " and " + pathColumn + " ~<~ " + literal(subtreeEnd(path)) + ")";
    }

    /** A division path as an SQL string literal; anything but digits joined by '/' is refused. */
    public static String literal(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a division path: " + path);
        }
        return "'" + path + "'";
    }

    /** A division path, or a subtree's end ({@link #subtreeEnd}: the path with a '0' appended). */
    private static final Pattern PATH = Pattern.compile("[0-9]{1,13}(/[0-9]{1,13})*");

    /** The exclusive upper bound of the subtree range of {@link #subtree(String, String)}. */
    public static String subtreeEnd(String path) {
        return path + "0";
    }

    /** {@code path/%} with LIKE wildcards in the path escaped. */
    public static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }
}
