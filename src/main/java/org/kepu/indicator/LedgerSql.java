package org.kepu.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kepu.shared.ScopeSql;

/**
 * SQL building blocks for {@link LedgerSource} implementations, so that every ledger groups and restricts records
 * the way the value cache expects: division paths cut to a number of segments (SQL function {@code
 * indicator_cut(path, n)}, migration V800) and calendar periods in Asia/Shanghai.
 */
public final class LedgerSql {

    /** Above this many areas the restriction compares cut paths instead of OR-ing path-prefix conditions. */
    private static final int MAX_PREFIX_TERMS = 40;

    private LedgerSql() {
    }

    /** The number of segments of a division path ({@code 36/3607/360734} → 3). */
    public static int depth(String path) {
        if (path == null || path.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** The path cut to at most {@code depth} segments, as {@code indicator_cut} does in SQL. */
    public static String cut(String path, int depth) {
        int seen = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/' && ++seen == depth) {
                return path.substring(0, i);
            }
        }
        return path;
    }

    /** SQL for the path column cut to {@code depth} segments. */
    public static String cutSql(String pathColumn, int depth) {
        return "indicator_cut(" + pathColumn + ", " + depth + ")";
    }

    /** SQL for the first day of the Asia/Shanghai period of {@code grain} that the timestamp column falls in. */
    public static String periodSql(String timeColumn, TimeGrain grain) {
        return "date_trunc('" + grain.sqlField() + "', " + timeColumn + " at time zone 'Asia/Shanghai')::date";
    }

    /**
     * The WHERE condition for the query's subtree, areas, unit and period; binds its parameters (named
     * {@code lq…}) into {@code params}. {@code unitColumn} may be null when the ledger has no member units: a
     * unit-scoped query then matches nothing.
     */
    public static String where(AggregateQuery q, String pathColumn, String timeColumn, String unitColumn,
            Map<String, Object> params) {
        List<String> terms = new ArrayList<>();
        if (q.subtreePath() != null) {
            terms.add("(" + pathColumn + " = :lqPath or " + pathColumn + " like :lqPrefix)");
            params.put("lqPath", q.subtreePath());
            params.put("lqPrefix", ScopeSql.likePrefix(q.subtreePath()));
        }
        if (q.areas() != null) {
            terms.add(areaCondition(q.areas(), q.areaDepth(), pathColumn, params));
        }
        if (q.unitId() != null) {
            if (unitColumn == null) {
                terms.add("false");
            } else {
                terms.add(unitColumn + " = :lqUnit");
                params.put("lqUnit", q.unitId());
            }
        }
        if (q.period() != null) {
            terms.add(timeColumn + " >= :lqFrom and " + timeColumn + " < :lqTo");
            params.put("lqFrom", q.period().from());
            params.put("lqTo", q.period().to());
        }
        return terms.isEmpty() ? "true" : String.join(" and ", terms);
    }

    private static String areaCondition(List<String> areas, int depth, String col, Map<String, Object> params) {
        if (areas.isEmpty()) {
            return "false";
        }
        if (areas.size() > MAX_PREFIX_TERMS) {
            params.put("lqAreas", areas.toArray(String[]::new));
            return cutSql(col, depth) + " = any(:lqAreas)";
        }
        List<String> or = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            String a = areas.get(i);
            params.put("lqA" + i, a);
            if (depth(a) >= depth) {
                params.put("lqP" + i, ScopeSql.likePrefix(a));
                or.add(col + " = :lqA" + i + " or " + col + " like :lqP" + i);
            } else {
                or.add(col + " = :lqA" + i);
            }
        }
        return "(" + String.join(" or ", or) + ")";
    }

    /** The two grouping columns {@code area, period_start} (nulls when the query does not group by them). */
    public static String groupColumns(AggregateQuery q, String pathColumn, String timeColumn) {
        String area = q.groupDepth() > 0 ? cutSql(pathColumn, q.groupDepth()) : "cast(null as text)";
        String period = q.grain() != TimeGrain.NONE ? periodSql(timeColumn, q.grain()) : "cast(null as date)";
        return area + " as area, " + period + " as period_start";
    }

    /** {@code group by 1, 2} (the grouping columns come first in the select list). */
    public static String groupBy() {
        return " group by 1, 2";
    }
}
