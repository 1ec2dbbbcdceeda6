package org.kepu.indicator.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.kepu.indicator.LedgerSql;
import org.kepu.shared.Period;
import org.kepu.shared.ScopeSql;

/**
 * The ledger changes not yet folded into the cache that touch a division subtree and a period: per source, the
 * (township) areas of table indicator_change, or "everything" after a TRUNCATE-like change.
 */
final class PendingChanges {

    private final Map<String, Set<String>> areas = new HashMap<>();
    private final Set<String> everything = new HashSet<>();

    /**
     * The SQL of the pending changes of the sources that may touch the subtree at {@code path} in {@code period},
     * as rows ('P', null, source, area, null) to be combined with other parts in one statement.
     */
    static String sql(Collection<String> sources, String path, Period period, Map<String, Object> params) {
        params.put("pendSources", List.copyOf(sources));
        params.put("pendM0", period.start().withDayOfMonth(1));
        params.put("pendM1", period.end());
        params.put("path", path);
        params.put("prefix", ScopeSql.likePrefix(path));
        return """
                (select 'P' k, cast(null as bigint) element_id, source grp, area_path a, cast(null as numeric) v
                 from indicator_change
                 where source in (:pendSources) and (month is null or (month >= :pendM0 and month < :pendM1))
                   and (area_path = '' or area_path = :path or area_path like :prefix
                        or :path like area_path || '/%')
                 group by source, area_path)""";
    }

    /** Records one pending (source, area) read with {@link #sql}; the area '' means everything. */
    void add(String source, String area) {
        if (area.isEmpty()) {
            everything.add(source);
        } else {
            areas.computeIfAbsent(source, s -> new HashSet<>()).add(area);
        }
    }

    /** True when all of the source's records may have changed. */
    boolean everything(String source) {
        return everything.contains(source);
    }

    /** The pending areas of the source inside the subtree at {@code path} (the townships to patch). */
    Set<String> inside(String source, String path) {
        Set<String> out = new HashSet<>();
        for (String a : areas.getOrDefault(source, Set.of())) {
            if (a.equals(path) || a.startsWith(path + "/")) {
                out.add(a);
            }
        }
        return out;
    }

    /** True when a pending change of the source may change a value of the subtree at {@code path}. */
    boolean touches(String source, String path) {
        if (everything(source)) {
            return true;
        }
        for (String a : areas.getOrDefault(source, Set.of())) {
            if (a.equals(path) || a.startsWith(path + "/")
                    || LedgerSql.depth(a) == 4 && path.startsWith(a + "/")) {
                return true;
            }
        }
        return false;
    }
}
