package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.kepu.indicator.AggregateQuery;
import org.kepu.indicator.AggregateRow;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.LedgerSource;
import org.kepu.indicator.TimeGrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic full check (DESIGN §4: the difference must be zero): in one REPEATABLE READ snapshot, recomputes
 * every cached row of every READY element from its ledger and compares it with the stored one, and every county
 * row with the sum of its township rows; rows touched by changes still pending in that snapshot are skipped (they
 * are exact through the read path and the next refresh rewrites them). Differences are logged and the elements
 * concerned are rebuilt. Nightly at 03:10 Asia/Shanghai ({@code kepu.indicator.check-cron}), ShedLock lock
 * {@value #LOCK}.
 */
@Component
public class CacheCheck {

    static final String LOCK = "indicator-cache-check";
    private static final int CHUNK = 20;
    private static final Logger log = LoggerFactory.getLogger(CacheCheck.class);

    /** One differing row: the element, level, period, area, the value from the ledger and the stored one. */
    public record Difference(String element, int level, LocalDate periodStart, LocalDate periodEnd, String area,
            BigDecimal expected, BigDecimal stored) {
    }

    private record Key(long element, int level, LocalDate start, LocalDate end, String area) {
    }

    private final JdbcClient jdbc;
    private final Sources sources;
    private final ElementStore elements;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate tx;
    private final LockingTaskExecutor locks;

    CacheCheck(JdbcClient jdbc, Sources sources, ElementStore elements, PlatformTransactionManager txm,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.elements = elements;
        this.snapshot = new TransactionTemplate(txm);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.tx = new TransactionTemplate(txm);
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().build()));
    }

    @Scheduled(cron = "${kepu.indicator.check-cron:0 10 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        locks.executeWithLock((Runnable) this::checkAndRepair,
                new LockConfiguration(Instant.now(), LOCK, Duration.ofHours(2), Duration.ofMinutes(1)));
    }

    /** Compares, logs and repairs; returns the differences found (empty when the cache was right). */
    public List<Difference> checkAndRepair() {
        long t0 = System.nanoTime();
        List<Difference> diffs = differences();
        if (diffs.isEmpty()) {
            log.info("indicator cache check: 0 differences ({} ms)", (System.nanoTime() - t0) / 1_000_000);
            return diffs;
        }
        log.warn("indicator cache check: {} differing rows, first: {}; rebuilding the elements concerned",
                diffs.size(), diffs.subList(0, Math.min(10, diffs.size())));
        Set<String> codes = new LinkedHashSet<>();
        diffs.forEach(d -> codes.add(d.element()));
        tx.executeWithoutResult(s -> {
            jdbc.sql("update indicator_data_element set cache_state = 'BUILDING' where code in (:codes)")
                    .param("codes", codes).update();
            jdbc.sql("delete from indicator_value where element_id in"
                    + " (select id from indicator_data_element where code in (:codes))").param("codes", codes)
                    .update();
        });
        return diffs;
    }

    /** The differences between the cache and the ledgers right now (read only). */
    public List<Difference> differences() {
        List<Difference> out = snapshot.execute(s -> compareAll());
        return out == null ? List.of() : out;
    }

    private List<Difference> compareAll() {
        Map<String, Map<String, List<LocalDate>>> pending = new HashMap<>();
        Set<String> everything = new LinkedHashSet<>();
        jdbc.sql("select source, area_path, month from indicator_change").query((rs, n) -> {
            if (rs.getString(2).isEmpty() || rs.getObject(3) == null) {
                everything.add(rs.getString(1));
            } else {
                pending.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getObject(3, LocalDate.class));
            }
            return null;
        }).list();
        List<Difference> diffs = new ArrayList<>();
        Map<String, List<DataElement>> bySource = new HashMap<>();
        for (DataElement e : elements.all()) {
            if (e.cacheReady() && sources.materialized(e) && !everything.contains(e.source())) {
                bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
            }
        }
        bySource.forEach((source, list) -> {
            LedgerSource ledger = sources.require(source);
            Map<String, List<LocalDate>> stale = pending.getOrDefault(source, Map.of());
            for (int i = 0; i < list.size(); i += CHUNK) {
                List<DataElement> chunk = list.subList(i, Math.min(list.size(), i + CHUNK));
                compareTownships(ledger, chunk, stale, diffs);
                compareCounties(chunk, stale, diffs);
            }
        });
        return diffs;
    }

    private void compareTownships(LedgerSource ledger, List<DataElement> els, Map<String, List<LocalDate>> stale,
            List<Difference> diffs) {
        Map<Key, BigDecimal> expected = new HashMap<>();
        for (TimeGrain g : new TimeGrain[] {TimeGrain.MONTH, TimeGrain.QUARTER, TimeGrain.YEAR}) {
            collect(els, ledger.aggregate(new AggregateQuery(els, null, null, 0, null, null, 4, g)), g, expected);
        }
        Map<Key, BigDecimal> stored = new HashMap<>();
        jdbc.sql("select element_id, period_start, period_end, area_path, value from indicator_value"
                + " where level = 4 and element_id in (:ids)").param("ids", els.stream().map(DataElement::id).toList())
                .query((rs, n) -> stored.put(new Key(rs.getLong(1), 4, rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4)), rs.getBigDecimal(5))).list();
        Map<Long, String> codes = new HashMap<>();
        els.forEach(e -> codes.put(e.id(), e.code()));
        Set<Key> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(stored.keySet());
        for (Key k : keys) {
            BigDecimal e = expected.getOrDefault(k, BigDecimal.ZERO);
            BigDecimal s = stored.getOrDefault(k, BigDecimal.ZERO);
            if (e.compareTo(s) != 0 && !isStale(k, stale)) {
                diffs.add(new Difference(codes.get(k.element()), 4, k.start(), k.end(), k.area(), e, s));
            }
        }
    }

    /** County rows against the sums of their township rows. */
    private void compareCounties(List<DataElement> els, Map<String, List<LocalDate>> stale, List<Difference> diffs) {
        Map<Long, String> codes = new HashMap<>();
        els.forEach(e -> codes.put(e.id(), e.code()));
        jdbc.sql("""
                with t as (select element_id, period_start, period_end, indicator_cut(area_path, 3) area_path,
                                  sum(value) value
                           from indicator_value where level = 4 and element_id in (:ids) group by 1, 2, 3, 4),
                     c as (select element_id, period_start, period_end, area_path, value from indicator_value
                           where level = 3 and element_id in (:ids))
                select coalesce(t.element_id, c.element_id), coalesce(t.period_start, c.period_start),
                       coalesce(t.period_end, c.period_end), coalesce(t.area_path, c.area_path),
                       coalesce(t.value, 0), coalesce(c.value, 0)
                from t full join c on t.element_id = c.element_id and t.period_start = c.period_start
                     and t.period_end = c.period_end and t.area_path = c.area_path
                where coalesce(t.value, 0) <> coalesce(c.value, 0)
                """).param("ids", els.stream().map(DataElement::id).toList()).query((rs, n) -> {
                    Key k = new Key(rs.getLong(1), 3, rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getString(4));
                    if (!isStale(k, stale)) {
                        diffs.add(new Difference(codes.get(k.element()), 3, k.start(), k.end(), k.area(),
                                rs.getBigDecimal(5), rs.getBigDecimal(6)));
                    }
                    return null;
                }).list();
    }

    private static boolean isStale(Key k, Map<String, List<LocalDate>> stale) {
        for (var e : stale.entrySet()) {
            String area = e.getKey();
            boolean inArea = k.level() == 4 ? area.equals(k.area())
                    : area.equals(k.area()) || area.startsWith(k.area() + "/");
            if (inArea && e.getValue().stream().anyMatch(m -> !m.isBefore(k.start()) && m.isBefore(k.end()))) {
                return true;
            }
        }
        return false;
    }

    private static void collect(List<DataElement> els, List<AggregateRow> rows, TimeGrain grain,
            Map<Key, BigDecimal> into) {
        for (AggregateRow r : rows) {
            for (int i = 0; i < els.size(); i++) {
                BigDecimal v = r.values().get(i);
                if (v != null && v.signum() != 0) {
                    into.put(new Key(els.get(i).id(), 4, r.periodStart(), CacheRows.end(r.periodStart(), grain),
                            r.area()), v);
                }
            }
        }
    }
}
