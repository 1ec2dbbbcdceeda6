package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kepu.indicator.Additivity;
import org.kepu.indicator.AggregateQuery;
import org.kepu.indicator.AggregateRow;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.LedgerSql;
import org.kepu.indicator.TimeGrain;
import org.kepu.shared.Period;
import org.kepu.shared.ScopeSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads data element values for a division subtree and a period — from the cache where it can, exactly in every
 * case. Call it inside one REPEATABLE READ transaction (the services do), so the cache rows, the pending changes
 * and the ledger are read in one snapshot.
 *
 * <ul>
 * <li>Cached (the element is READY, adds up over areas, the area is a township or larger): the sum of the level-3
 * (county) or level-4 (township) rows of the period's whole months/quarters/years; days at the ends of a custom
 * range come from the ledger. Townships with changes not yet folded in (table indicator_change) are patched: their
 * cached rows are taken out and their records aggregated directly, so a figure is never stale.
 * <li>Direct (distinct counts that do not add up, villages, custom ranges of distinct counts, elements still being
 * built, member-unit scopes): the ledger aggregates the records; the result is kept as a level-0 row while the
 * source's epoch stays the same and no pending change touches it.
 * </ul>
 */
@Component
public class ValueReader {

    private static final Logger log = LoggerFactory.getLogger(ValueReader.class);

    private final JdbcClient jdbc;
    private final Sources sources;
    private final SourceEpochs epochs;
    private final TransactionTemplate memoTx;
    /**
     * Keeps on-demand values in the background, one at a time: a reader never waits for a second connection (with
     * every pooled connection held by readers that would deadlock), and when the queue is full the value is simply
     * not kept.
     */
    private final java.util.concurrent.ThreadPoolExecutor keeper = new java.util.concurrent.ThreadPoolExecutor(1, 1,
            0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(200), r -> {
                Thread t = new Thread(r, "indicator-keep");
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());

    ValueReader(JdbcClient jdbc, Sources sources, SourceEpochs epochs, PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.epochs = epochs;
        this.memoTx = new TransactionTemplate(txm);
        this.memoTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        keeper.shutdownNow();
    }

    /** Values per element id over the subtree at {@code path} (of member unit {@code unitId} when not null). */
    public Map<Long, BigDecimal> read(List<DataElement> elements, String path, Long unitId, Period period) {
        return read(elements, path, unitId, period, 0).getOrDefault("", Map.of());
    }

    /**
     * Values grouped by the record paths cut to {@code groupDepth} segments (children of the area; the key is the
     * area's own path for records kept at the area itself), or under the key "" when {@code groupDepth} is 0.
     */
    public Map<String, Map<Long, BigDecimal>> read(List<DataElement> elements, String path, Long unitId,
            Period period, int groupDepth) {
        Map<String, Map<Long, BigDecimal>> out = new HashMap<>();
        if (elements.isEmpty()) {
            return out;
        }
        if (unitId != null) {
            direct(elements, path, unitId, period, groupDepth, out);
            return out;
        }
        int depth = LedgerSql.depth(path);
        Set<String> sourceCodes = elements.stream().map(DataElement::source).collect(Collectors.toSet());
        List<DataElement> full = new ArrayList<>();
        List<DataElement> area = new ArrayList<>();
        List<DataElement> direct = new ArrayList<>();
        for (DataElement e : elements) {
            Additivity a = sources.additivity(e);
            boolean cacheable = e.cacheReady() && a != Additivity.NONE && depth <= 4 && groupDepth <= 4
                    && (groupDepth == 0 || groupDepth > depth)
                    && (a == Additivity.FULL || period.kind() != Period.Kind.RANGE);
            (!cacheable ? direct : a == Additivity.FULL ? full : area).add(e);
        }
        int level = Math.max(depth, groupDepth) <= 3 ? 3 : 4;
        PeriodPieces pieces = PeriodPieces.of(period);
        // one statement: the pending changes and the cached sums, read in the same snapshot
        Map<String, Object> params = new HashMap<>();
        List<String> parts = new ArrayList<>();
        parts.add(PendingChanges.sql(sourceCodes, path, period, params));
        if (!full.isEmpty() && !pieces.whole().isEmpty()) {
            parts.add(sumSql("F", full, level, path, null, pieces.whole(), groupDepth, params));
        }
        if (!area.isEmpty()) {
            parts.add(sumSql("A", area, level, path, null, List.of(period), groupDepth, params));
        }
        PendingChanges pending = new PendingChanges();
        Map<Long, Map<String, BigDecimal>> sums = new HashMap<>();
        jdbc.sql(String.join(" union all ", parts)).params(params).query((rs, n) -> {
            if ("P".equals(rs.getString(1))) {
                pending.add(rs.getString(3), rs.getString(4));
            } else {
                sums.computeIfAbsent(rs.getLong(2), k -> new HashMap<>()).merge(rs.getString(3),
                        rs.getBigDecimal(5), BigDecimal::add);
            }
            return null;
        }).list();
        // after a TRUNCATE-like change the source's cache rows are not trusted: from the ledger
        for (List<DataElement> list : List.of(full, area)) {
            list.removeIf(e -> {
                if (pending.everything(e.source())) {
                    direct.add(e);
                    return true;
                }
                return false;
            });
        }
        for (DataElement e : full) {
            sums.getOrDefault(e.id(), Map.of()).forEach((g, v) -> out.computeIfAbsent(g, k -> new HashMap<>())
                    .merge(e.id(), v, BigDecimal::add));
        }
        for (DataElement e : area) {
            sums.getOrDefault(e.id(), Map.of()).forEach((g, v) -> out.computeIfAbsent(g, k -> new HashMap<>())
                    .merge(e.id(), v, BigDecimal::add));
        }
        bySource(full).forEach((source, els) -> patch(source, els, path, pieces, groupDepth, pending, out));
        PeriodPieces exact = new PeriodPieces(List.of(period), List.of());
        bySource(area).forEach((source, els) -> patch(source, els, path, exact, groupDepth, pending, out));
        if (!direct.isEmpty()) {
            if (groupDepth == 0) {
                memoized(direct, path, period, pending, out);
            } else {
                direct(direct, path, null, period, groupDepth, out);
            }
        }
        return out;
    }

    /**
     * Corrects the cached sums of the source's elements: townships with pending changes are taken out and read
     * from the ledger; the days at the ends of a custom range come from the ledger.
     */
    private void patch(String source, List<DataElement> els, String path, PeriodPieces pieces, int groupDepth,
            PendingChanges pending, Map<String, Map<Long, BigDecimal>> out) {
        if (!pieces.whole().isEmpty()) {
            Set<String> stale = pending.inside(source, path);
            if (!stale.isEmpty()) {
                sumRows(els, 4, null, stale, pieces.whole(), groupDepth, out, true);
                AggregateQuery q = new AggregateQuery(els, path, List.copyOf(stale), 4, null, pieces.span(),
                        groupDepth, TimeGrain.NONE);
                add(els, sources.require(source).aggregate(q), out);
            }
        }
        for (Period edge : pieces.edges()) {
            add(els, sources.require(source).aggregate(new AggregateQuery(els, path, null, 0, null, edge, groupDepth,
                    TimeGrain.NONE)), out);
        }
    }

    /**
     * The SQL of the sums of cache rows (kind, element, group, null, sum) of the subtree at {@code path} or of
     * exactly {@code areas}; parameters are named after {@code kind}.
     */
    private static String sumSql(String kind, List<DataElement> els, int level, String path, Set<String> areas,
            List<Period> periods, int groupDepth, Map<String, Object> p) {
        p.put("ids" + kind, els.stream().map(DataElement::id).toList());
        p.put("level" + kind, level);
        List<String> pc = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            pc.add("(period_start = :s" + kind + i + " and period_end = :e" + kind + i + ")");
            p.put("s" + kind + i, periods.get(i).start());
            p.put("e" + kind + i, periods.get(i).end());
        }
        String areaCondition;
        if (areas != null) {
            areaCondition = "area_path in (:areas" + kind + ")";
            p.put("areas" + kind, List.copyOf(areas));
        } else {
            areaCondition = "(area_path = :path or area_path like :prefix)";
            p.put("path", path);
            p.put("prefix", ScopeSql.likePrefix(path));
        }
        String group = groupDepth == 0 ? "''" : LedgerSql.cutSql("area_path", groupDepth);
        return "(select '" + kind + "' k, element_id, " + group + " grp, cast(null as text) a, sum(value) v"
                + " from indicator_value where element_id in (:ids" + kind + ") and level = :level" + kind
                + " and (" + String.join(" or ", pc) + ") and " + areaCondition + " group by 2, 3)";
    }

    /** Adds (or subtracts) the sums of cache rows of the subtree at {@code path} or of exactly {@code areas}. */
    private void sumRows(List<DataElement> els, int level, String path, Set<String> areas, List<Period> periods,
            int groupDepth, Map<String, Map<Long, BigDecimal>> out, boolean subtract) {
        Map<String, Object> p = new HashMap<>();
        jdbc.sql(sumSql("S", els, level, path, areas, periods, groupDepth, p)).params(p).query((rs, n) -> {
            BigDecimal v = rs.getBigDecimal(5);
            out.computeIfAbsent(rs.getString(3), k -> new HashMap<>()).merge(rs.getLong(2),
                    subtract ? v.negate() : v, BigDecimal::add);
            return null;
        }).list();
    }

    /** Aggregates the ledger directly (grouped, or for a member unit); nothing is kept. */
    private void direct(List<DataElement> els, String path, Long unitId, Period period, int groupDepth,
            Map<String, Map<Long, BigDecimal>> out) {
        bySource(els).forEach((source, list) -> add(list, sources.require(source).aggregate(new AggregateQuery(list,
                path, null, 0, unitId, period, groupDepth, TimeGrain.NONE)), out));
    }

    /** One total per element: a level-0 row when still valid, else the ledger (and the result is kept). */
    private void memoized(List<DataElement> els, String path, Period period, PendingChanges pending,
            Map<String, Map<Long, BigDecimal>> out) {
        Map<String, Long> epoch = epochs.all();
        Map<Long, BigDecimal> kept = new HashMap<>();
        jdbc.sql("""
                select v.element_id, v.value, v.epoch, e.source from indicator_value v
                join indicator_data_element e on e.id = v.element_id
                where v.element_id in (:ids) and v.level = 0 and v.period_start = :s and v.period_end = :e
                  and v.area_path = :path
                """).param("ids", els.stream().map(DataElement::id).toList()).param("s", period.start())
                .param("e", period.end()).param("path", path).query((rs, n) -> {
                    String source = rs.getString(4);
                    if (rs.getLong(3) == epoch.getOrDefault(source, 0L) && !pending.touches(source, path)) {
                        kept.put(rs.getLong(1), rs.getBigDecimal(2));
                    }
                    return null;
                }).list();
        List<DataElement> missing = els.stream().filter(e -> !kept.containsKey(e.id())).toList();
        Map<String, Map<Long, BigDecimal>> computed = new HashMap<>();
        direct(missing, path, null, period, 0, computed);
        Map<Long, BigDecimal> fresh = computed.getOrDefault("", Map.of());
        Map<Long, BigDecimal> total = out.computeIfAbsent("", k -> new HashMap<>());
        kept.forEach((id, v) -> total.merge(id, v, BigDecimal::add));
        fresh.forEach((id, v) -> total.merge(id, v, BigDecimal::add));
        List<DataElement> toKeep = missing.stream().filter(e -> !pending.touches(e.source(), path)).toList();
        if (!toKeep.isEmpty()) {
            Map<Long, BigDecimal> values = Map.copyOf(fresh);
            keeper.execute(() -> keep(toKeep, values, path, period, epoch));
        }
    }

    private void keep(List<DataElement> els, Map<Long, BigDecimal> values, String path, Period period,
            Map<String, Long> epoch) {
        try {
            memoTx.executeWithoutResult(s -> {
                for (DataElement e : els) {
                    jdbc.sql("""
                            insert into indicator_value as v (element_id, level, period_start, period_end, area_path,
                                                              value, epoch)
                            values (:id, 0, :s, :e, :path, :value, :epoch)
                            on conflict (element_id, level, period_start, period_end, area_path)
                            do update set value = excluded.value, epoch = excluded.epoch, computed_at = now()
                            """).param("id", e.id()).param("s", period.start()).param("e", period.end())
                            .param("path", path).param("value", values.getOrDefault(e.id(), BigDecimal.ZERO))
                            .param("epoch", epoch.getOrDefault(e.source(), 0L)).update();
                }
            });
        } catch (DataAccessException ex) {
            // only a shortcut for the next read (e.g. the element was deleted meanwhile)
            log.debug("indicator value not kept: {}", ex.getMessage());
        }
    }

    private static Map<String, List<DataElement>> bySource(List<DataElement> els) {
        Map<String, List<DataElement>> m = new LinkedHashMap<>();
        for (DataElement e : els) {
            m.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
        }
        return m;
    }

    private static void add(List<DataElement> els, List<AggregateRow> rows, Map<String, Map<Long, BigDecimal>> out) {
        for (AggregateRow r : rows) {
            Map<Long, BigDecimal> m = out.computeIfAbsent(r.area() == null ? "" : r.area(), k -> new HashMap<>());
            for (int i = 0; i < els.size(); i++) {
                BigDecimal v = r.values().get(i);
                if (v != null && v.signum() != 0) {
                    m.merge(els.get(i).id(), v, BigDecimal::add);
                }
            }
        }
    }
}
