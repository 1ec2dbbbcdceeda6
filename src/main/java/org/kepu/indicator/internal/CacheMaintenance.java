package org.kepu.indicator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.kepu.indicator.Additivity;
import org.kepu.indicator.AggregateQuery;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.LedgerSource;
import org.kepu.indicator.LedgerSql;
import org.kepu.indicator.TimeGrain;
import org.kepu.shared.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the value cache current — one node at a time (ShedLock lock {@value #LOCK}), every
 * {@code kepu.indicator.refresh-delay} (250 ms):
 *
 * <ol>
 * <li><b>build</b>: elements in state BUILDING (new, redefined, or after a TRUNCATE of their ledger) get all their
 * rows computed from the ledger and become READY;
 * <li><b>refresh</b>: the pending changes (table indicator_change) are deleted and, in the same transaction, the
 * cache rows of every changed township are recomputed for the whole years the changes fall in (months, quarters,
 * year), then their counties' rows are summed again from their townships' rows. Readers see either the old
 * rows and the pending changes (and patch those townships from the ledger) or the new rows and no pending changes.
 * </ol>
 *
 * Both steps lock the element rows they use (FOR UPDATE / FOR SHARE), so an element edited meanwhile waits and
 * then goes back to BUILDING.
 */
@Component
public class CacheMaintenance {

    static final String LOCK = "indicator-refresh";
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    static final LocalDate END = LocalDate.of(3000, 1, 1);
    private static final int BUILD_CHUNK = 25;
    private static final Logger log = LoggerFactory.getLogger(CacheMaintenance.class);

    /** What one run did. */
    public record Result(int built, int changes, int townships) {
    }

    private record Change(String source, String area, LocalDate month) {
    }

    private final JdbcClient jdbc;
    private final Sources sources;
    private final CacheRows rows;
    private final SourceEpochs epochs;
    private final ElementStore elements;
    private final TransactionTemplate tx;
    private final LockingTaskExecutor locks;
    private volatile boolean paused;
    private volatile boolean closing;

    CacheMaintenance(JdbcClient jdbc, Sources sources, CacheRows rows, SourceEpochs epochs, ElementStore elements,
            TransactionTemplate tx, DataSource dataSource) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.rows = rows;
        this.epochs = epochs;
        this.elements = elements;
        this.tx = tx;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().build()));
    }

    @Scheduled(fixedDelayString = "${kepu.indicator.refresh-delay:PT0.25S}",
            initialDelayString = "${kepu.indicator.refresh-initial-delay:PT2S}")
    void scheduled() {
        if (paused || closing || !hasWork()) {
            return;
        }
        locks.executeWithLock((Runnable) this::runOnce,
                new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(30), Duration.ZERO));
    }

    /** No more runs once the application is shutting down (the database may already be stopping). */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closing() {
        this.closing = true;
    }

    /** Tests: stops (or resumes) the scheduled runs, to look at pending changes; {@link #runOnce()} still works. */
    public void pause(boolean pause) {
        this.paused = pause;
    }

    /** True when changes are pending or elements wait to be built (a cheap check before taking the lock). */
    public boolean hasWork() {
        return jdbc.sql("""
                select exists (select 1 from indicator_change)
                    or exists (select 1 from indicator_data_element where cache_state = 'BUILDING')
                """).query(Boolean.class).single();
    }

    /** Builds what waits to be built, then folds the pending changes in. Tests call it to skip the wait. */
    public synchronized Result runOnce() {
        int built = 0;
        while (true) {
            Integer n = tx.execute(s -> buildChunk());
            if (n == null || n == 0) {
                break;
            }
            built += n;
        }
        int[] r = tx.execute(s -> refresh());
        return new Result(built, r[0], r[1]);
    }

    /**
     * Builds up to {@value #BUILD_CHUNK} BUILDING elements of one source; returns how many. Takes the elements no
     * other transaction holds first (waiting on them first once deadlocked in a test); waits only when all that is
     * left is held.
     */
    private int buildChunk() {
        List<DataElement> waiting = building("for update skip locked");
        if (waiting.isEmpty()) {
            // all that waits is held by another transaction (another node's run, a definition change): wait for
            // it, so that a caller of runOnce() finds nothing left to build when it returns
            waiting = building("for update");
        }
        if (waiting.isEmpty()) {
            return 0;
        }
        String source = waiting.get(0).source();
        List<DataElement> els = waiting.stream().filter(e -> e.source().equals(source)).toList();
        rows.deleteAll(els);
        LedgerSource ledger = sources.find(source).orElse(null);
        List<DataElement> mat = ledger == null ? List.of() : els.stream().filter(sources::materialized).toList();
        if (!mat.isEmpty()) {
            long t0 = System.nanoTime();
            computeTownshipRows(ledger, mat, null, null);
            rows.rollUpCounties(mat, null, BEGINNING, END);
            log.info("indicator cache: built {} elements of {} in {} ms", mat.size(), source,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        jdbc.sql("update indicator_data_element set cache_state = 'READY' where id in (:ids)")
                .param("ids", els.stream().map(DataElement::id).toList()).update();
        epochs.bump(source);
        return els.size();
    }

    private List<DataElement> building(String lock) {
        return jdbc.sql("select " + ElementStore.COLUMNS + " from indicator_data_element"
                + " where cache_state = 'BUILDING' order by source, id limit " + BUILD_CHUNK + " " + lock)
                .query(elements::map).list();
    }

    /**
     * Computes the level-4 month, quarter and year rows of the elements from the ledger: for the given townships
     * and period, or for everything when both are null.
     */
    private void computeTownshipRows(LedgerSource ledger, List<DataElement> els, List<String> areas, Period period) {
        List<DataElement> full = els.stream().filter(e -> sources.additivity(e) == Additivity.FULL).toList();
        List<DataElement> area = els.stream().filter(e -> sources.additivity(e) == Additivity.AREA).toList();
        int depth = areas == null ? 0 : 4;
        rows.insertTownshipRows(els, ledger.aggregate(new AggregateQuery(els, null, areas, depth, null, period, 4,
                TimeGrain.MONTH)), TimeGrain.MONTH);
        LocalDate from = period == null ? BEGINNING : period.start();
        LocalDate to = period == null ? END : period.end();
        if (!full.isEmpty()) {
            rows.deriveQuartersAndYears(full, areas, from, to);
        }
        for (TimeGrain g : new TimeGrain[] {TimeGrain.QUARTER, TimeGrain.YEAR}) {
            if (!area.isEmpty()) {
                rows.insertTownshipRows(area, ledger.aggregate(new AggregateQuery(area, null, areas, depth, null,
                        period, 4, g)), g);
            }
        }
    }

    /** Folds the pending changes in; returns {changes, townships}. */
    private int[] refresh() {
        List<Change> changes = jdbc.sql("delete from indicator_change returning source, area_path, month")
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list();
        if (changes.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<String, List<Change>> bySource = new LinkedHashMap<>();
        changes.forEach(c -> bySource.computeIfAbsent(c.source(), s -> new ArrayList<>()).add(c));
        int townships = 0;
        for (var entry : bySource.entrySet()) {
            String source = entry.getKey();
            List<Change> list = entry.getValue();
            if (list.stream().anyMatch(c -> c.area().isEmpty() || c.month() == null)) {
                jdbc.sql("update indicator_data_element set cache_state = 'BUILDING' where source = :s")
                        .param("s", source).update();
                jdbc.sql("delete from indicator_value where element_id in"
                        + " (select id from indicator_data_element where source = :s)").param("s", source).update();
                epochs.bump(source);
                log.info("indicator cache: every value of {} is rebuilt", source);
                continue;
            }
            LedgerSource ledger = sources.find(source).orElse(null);
            List<DataElement> els = jdbc.sql("select " + ElementStore.COLUMNS + " from indicator_data_element"
                    + " where source = :s and cache_state = 'READY' order by id for share").param("s", source)
                    .query(elements::map).list().stream().filter(sources::materialized).toList();
            if (ledger != null && !els.isEmpty()) {
                Map<Integer, TreeSet<String>> byYear = new LinkedHashMap<>();
                list.forEach(c -> byYear.computeIfAbsent(c.month().getYear(), y -> new TreeSet<>()).add(c.area()));
                for (var y : byYear.entrySet()) {
                    Period year = Period.year(y.getKey());
                    List<String> areas = List.copyOf(y.getValue());
                    rows.deleteTownshipRows(els, areas, year.start(), year.end());
                    computeTownshipRows(ledger, els, areas, year);
                    List<String> counties = areas.stream().map(a -> LedgerSql.cut(a, 3)).distinct().toList();
                    rows.rollUpCounties(els, counties, year.start(), year.end());
                    townships += areas.size();
                }
            }
            long epoch = epochs.bump(source);
            rows.deleteOutdatedOnDemand(source, epoch);
        }
        return new int[] {changes.size(), townships};
    }
}
