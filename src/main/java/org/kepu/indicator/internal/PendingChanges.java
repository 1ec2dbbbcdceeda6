package org.kepu.indicator.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.kepu.indicator.LedgerSql;
import org.kepu.shared.Period;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger changes not yet folded into the cache that touch a division subtree and a period: per source, the
 * (township) areas of table indicator_change, or "everything" after a TRUNCATE-like change.
 */
final class PendingChanges {

    private final Map<String, Set<String>> areas = new HashMap<>();
    private final Set<String> everything = new HashSet<>();

    static PendingChanges load(JdbcClient jdbc, Collection<String> sources, String path, Period period) {
        PendingChanges p = new PendingChanges();
        if (sources.isEmpty()) {
            return p;
        }
        jdbc.sql("""
                select source, area_path from indicator_change
                where source in (:sources) and (month is null or (month >= :m0 and month < :m1))
                  and (area_path = '' or area_path = :path or area_path like :prefix or :path like area_path || '/%')
                group by 1, 2
                """).param("sources", sources).param("m0", period.start().withDayOfMonth(1))
                .param("m1", period.end()).param("path", path).param("prefix", ScopeSql.likePrefix(path))
                .query((rs, n) -> {
                    String area = rs.getString(2);
                    if (area.isEmpty()) {
                        p.everything.add(rs.getString(1));
                    } else {
                        p.areas.computeIfAbsent(rs.getString(1), s -> new HashSet<>()).add(area);
                    }
                    return null;
                }).list();
        return p;
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
