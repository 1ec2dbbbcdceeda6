package org.kepu.activity.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs of the dashboard summary (DESIGN §4), each on one node only (ShedLock, table shedlock): every few seconds
 * the deltas appended by writers are folded into {@code activity_month_summary} (lock {@value #FOLD_LOCK}); every
 * night the summary is recomputed from the activity ledger, every difference is reported (there must be none) and
 * the summary is repaired when there are (lock {@value #LOCK}).
 */
@Component
public class ActivitySummaryCheck {

    static final String LOCK = "activity-month-summary-check";
    static final String FOLD_LOCK = "activity-month-summary-fold";

    private static final Logger log = LoggerFactory.getLogger(ActivitySummaryCheck.class);

    /** Differing rows: expected (from activity) vs stored, zero rows ignored. */
    private static final String DIFF = """
            with e as (select * from activity_month_summary_expected where activities <> 0),
                 s as (select area_level, area_path, month, dim, dim_key, sum(activities)::bigint activities,
                              sum(onsite)::bigint onsite, sum(online)::bigint online,
                              sum(materials)::bigint materials, sum(volunteers)::bigint volunteers
                       from %s x group by 1, 2, 3, 4, 5
                       having sum(activities) <> 0 or sum(onsite) <> 0 or sum(online) <> 0 or sum(materials) <> 0
                           or sum(volunteers) <> 0)
            select coalesce(e.area_level, s.area_level) area_level, coalesce(e.area_path, s.area_path) area_path,
                   coalesce(e.month, s.month) as month, coalesce(e.dim, s.dim) dim, coalesce(e.dim_key, s.dim_key) dim_key,
                   e.activities expected, s.activities stored
            from e full join s on e.area_level = s.area_level and e.area_path = s.area_path and e.month = s.month
                 and e.dim = s.dim and e.dim_key = s.dim_key
            where e.area_level is null or s.area_level is null or e.activities <> s.activities
               or e.onsite <> s.onsite or e.online <> s.online or e.materials <> s.materials
               or e.volunteers <> s.volunteers
            order by 1, 2, 3, 4, 5
            """.formatted(ActivityStatsService.SUMMARY_SOURCE);

    /** Differing status count rows: expected (from activity) vs stored plus pending, zero rows ignored. */
    private static final String STATUS_DIFF = """
            with e as (select * from activity_status_count_expected),
                 s as (select area_level, area_path, month, status, sum(activities)::bigint activities
                       from (select area_level, area_path, month, status, activities from activity_status_count
                             union all
                             select area_level, area_path, month, status, activities
                             from activity_status_count_delta) x
                       group by 1, 2, 3, 4 having sum(activities) <> 0)
            select coalesce(e.area_level, s.area_level) area_level, coalesce(e.area_path, s.area_path) area_path,
                   coalesce(e.month, s.month) as month, coalesce(e.status, s.status) status,
                   e.activities expected, s.activities stored
            from e full join s on e.area_level = s.area_level and e.area_path = s.area_path and e.month = s.month
                 and e.status = s.status
            where e.area_level is null or s.area_level is null or e.activities <> s.activities
            order by 1, 2, 3, 4
            """;

    private static final String FOLD = "select activity_month_summary_fold() + activity_status_count_fold()";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LockingTaskExecutor locks;

    ActivitySummaryCheck(JdbcClient jdbc, TransactionTemplate tx, DataSource dataSource) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().build()));
    }

    /** One differing summary row. */
    public record Difference(int areaLevel, String areaPath, String month, String dim, String dimKey, Long expected,
            Long stored) {
    }

    @Scheduled(fixedDelayString = "${kepu.stats.summary-fold-delay:PT10S}", initialDelayString = "PT30S")
    void foldPeriodically() {
        locks.executeWithLock((Runnable) this::fold,
                new LockConfiguration(Instant.now(), FOLD_LOCK, Duration.ofMinutes(10), Duration.ofSeconds(1)));
    }

    /** Folds the pending deltas into the summary and the list's status counts; returns how many were folded. */
    public long fold() {
        Long folded = tx.execute(status -> jdbc.sql(FOLD).query(Long.class).single());
        if (folded != null && folded > 0) {
            log.debug("activity_month_summary and activity_status_count: folded {} deltas", folded);
        }
        return folded == null ? 0 : folded;
    }

    @Scheduled(cron = "${kepu.stats.summary-check-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        locks.executeWithLock((Runnable) () -> checkAndRepair(),
                new LockConfiguration(Instant.now(), LOCK, Duration.ofHours(1), Duration.ofMinutes(1)));
    }

    /**
     * Compares the summary and the list's status counts with the ledger; on differences logs them and rebuilds what
     * differs while holding off concurrent writes to activity. Returns the differences found (empty when both were
     * right); status count differences have dim {@code STATUS} and the status as key.
     */
    public List<Difference> checkAndRepair() {
        return tx.execute(status -> {
            jdbc.sql("lock table activity in share mode").update();
            jdbc.sql(FOLD).query(Long.class).single();
            List<Difference> found = new ArrayList<>();
            found.addAll(repairIfDifferent("activity_month_summary", differences(), """
                    insert into activity_month_summary (area_level, area_path, month, dim, dim_key, activities, onsite,
                                                        online, materials, volunteers)
                    select area_level, area_path, month, dim, dim_key, activities, onsite, online, materials, volunteers
                    from activity_month_summary_expected
                    """));
            found.addAll(repairIfDifferent("activity_status_count", statusCountDifferences(), """
                    insert into activity_status_count (area_level, area_path, month, status, activities)
                    select area_level, area_path, month, status, activities from activity_status_count_expected
                    """));
            return found;
        });
    }

    /** Logs the check's outcome for {@code table}; when it differs, empties it and fills it again with {@code fill}. */
    private List<Difference> repairIfDifferent(String table, List<Difference> diffs, String fill) {
        if (diffs.isEmpty()) {
            log.info("{} check: 0 differences", table);
            return diffs;
        }
        log.warn("{} check: {} differing rows (first: {}); rebuilding", table, diffs.size(), diffs.get(0));
        jdbc.sql("delete from " + table).update();
        jdbc.sql(fill).update();
        return diffs;
    }

    /**
     * The differences between the list's status counts (with their pending deltas) and the ledger right now (read
     * only), as rows with dim {@code STATUS}.
     */
    public List<Difference> statusCountDifferences() {
        return jdbc.sql(STATUS_DIFF).query((rs, n) -> new Difference(rs.getInt("area_level"),
                rs.getString("area_path"), rs.getString("month"), "STATUS", rs.getString("status"),
                rs.getObject("expected", Long.class), rs.getObject("stored", Long.class))).list();
    }

    /** The differences between the summary (with its pending deltas) and the ledger right now (read only). */
    public List<Difference> differences() {
        return jdbc.sql(DIFF).query((rs, n) -> new Difference(rs.getInt("area_level"), rs.getString("area_path"),
                rs.getString("month"), rs.getString("dim"), rs.getString("dim_key"),
                rs.getObject("expected", Long.class), rs.getObject("stored", Long.class))).list();
    }
}
