package org.kepu.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark (a command, not a test; skipped unless {@code -Dkepu.bench=true}). See docs/PERFORMANCE.md:
 *
 * <pre>
 * ./mvnw -q test -Dtest='DashboardBenchmark#dashboards' -Dkepu.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -q test -Dtest='DashboardBenchmark#activityListUnderLoad' -Dkepu.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Options: {@code -Dkepu.bench.activities=1000000} (first run only), {@code -Dkepu.bench.db.url=…} (external
 * PostgreSQL, default: embedded under ./bench-data), {@code -Dkepu.bench.iterations=200},
 * {@code -Dkepu.bench.users=50}, {@code -Dkepu.bench.seconds=20}, {@code -Dkepu.bench.listPath=/activities?year=2026},
 * {@code -Dkepu.bench.jitWarmupSeconds=60} (both paths in turn before the list run, so that it measures compiled code).
 * Results are printed and appended to target/bench/results.md.
 */
@EnabledIfSystemProperty(named = "kepu.bench", matches = "true")
class DashboardBenchmark {

    static BenchServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = BenchServer.start();
        int activities = Integer.getInteger("kepu.bench.activities", 1_000_000);
        new ProvinceDataGenerator(server.dataSource).ensure(activities);
        // steady state: no pending deltas, summary rows vacuumed (autovacuum does this in production)
        server.jdbc.sql("select activity_month_summary_fold()").query(Long.class).single();
        try (Connection c = server.dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("vacuum analyze activity_month_summary");
        }
        awaitIndicatorCache();
        // The generator's vacuum ran while the application was still building the indicator cache, whose open
        // snapshot kept vacuum from marking the new pages all-visible: the list's index-only counts then visited
        // the heap (1,442 heap fetches per county count on fresh data; autovacuum catches up in production).
        try (Connection c = server.dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("vacuum activity");
        }
        server.account("bench-county", "OFFICE_ADMIN", ProvinceDataGenerator.COUNTY);
        server.account("bench-province", "OFFICE_ADMIN", ProvinceDataGenerator.PROVINCE);
        // a township admin of the benchmark county, for the township's list (-Dkepu.bench.listUser=bench-township)
        server.account("bench-township", "TOWNSHIP_ADMIN", ProvinceDataGenerator.COUNTY + "100");
        long n = server.jdbc.sql("select count(*) from activity").query(Long.class).single();
        report(String.format("%n## Run %s — %s, %d cores, %,d activities in the database%n", OffsetDateTime.now(),
                System.getProperty("kepu.bench.db.url", "").isBlank() ? "embedded PostgreSQL (bench-data)"
                        : "external PostgreSQL", Runtime.getRuntime().availableProcessors(), n));
    }

    /**
     * Steady state for the indicator engine too: after a fresh data set (or a changed definition) the application
     * builds the indicator value cache from all activities, which keeps PostgreSQL busy for minutes and made an
     * earlier run measure the list during that build (health 6.2 ms of CPU per request instead of 2.0).
     */
    static void awaitIndicatorCache() {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (true) {
            long pending = server.jdbc.sql("""
                    select (select count(*) from indicator_data_element where cache_state <> 'READY')
                         + (select count(*) from indicator_change)
                    """).query(Long.class).single();
            if (pending == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("indicator cache still building after 15 minutes");
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void dashboards() throws Exception {
        int iterations = Integer.getInteger("kepu.bench.iterations", 200);
        measureDashboard("county 990101", "bench-county", ProvinceDataGenerator.COUNTY_PATH, iterations, 100);
        measureDashboard("province 99", "bench-province", ProvinceDataGenerator.PROVINCE,
                Math.max(10, iterations / 8), 1000);
    }

    /**
     * The leader's cockpit for the county and the province (HTTP, signed in as an office admin, full render),
     * interleaved with the member-unit ranking's two ways in plain JDBC: grouped over the ledger (as before V607) and
     * summed over the summary's UNIT rows (as the page does since). The cockpit has no target of its own; this
     * reports where its time goes.
     */
    @Test
    void cockpit() throws Exception {
        int iterations = Integer.getInteger("kepu.bench.iterations", 200);
        measureCockpit("county 990101", "bench-county", ProvinceDataGenerator.COUNTY_PATH, iterations);
        measureCockpit("province 99", "bench-province", ProvinceDataGenerator.PROVINCE, Math.max(10, iterations / 8));
    }

    private void measureCockpit(String name, String user, String areaPath, int iterations) throws Exception {
        HttpClient client = server.login(user);
        HttpRequest req = HttpRequest.newBuilder(server.uri("/cockpit")).GET().build();
        int warmup = Math.max(3, iterations / 10);
        long[] page = new long[iterations];
        long[] ledger = new long[iterations];
        long[] summed = new long[iterations];
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        OffsetDateTime from = LocalDate.of(ProvinceDataGenerator.YEAR, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        String ledgerSql = """
                select a.organizer_unit_id, count(*), coalesce(sum(a.participants_onsite + a.participants_online), 0)
                from activity a
                where (a.division_path ~>=~ ? and a.division_path ~<~ ?) and a.status in ('SUBMITTED', 'VERIFIED')
                  and a.starts_at >= ? and a.starts_at < ? and a.organizer_unit_id is not null
                group by a.organizer_unit_id""";
        String summarySql = """
                select cast(s.dim_key as bigint), sum(s.activities), sum(s.onsite + s.online)
                from (select * from activity_month_summary union all select * from activity_month_summary_pending) s
                where s.area_level = 3 and s.dim = 'UNIT' and (s.area_path = ? or s.area_path like ?)
                  and s.month >= ? and s.month < ?
                group by s.dim_key having sum(s.activities) <> 0""";
        try (Connection c = server.dataSource.getConnection()) {
            c.setReadOnly(true);
            try (var st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_custom_plan");
            }
            for (int i = -warmup; i < iterations; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (res.statusCode() != 200) {
                    throw new IllegalStateException(name + ": cockpit answered " + res.statusCode());
                }
                try (PreparedStatement ps = c.prepareStatement(ledgerSql)) {
                    ps.setString(1, areaPath);
                    ps.setString(2, areaPath + "0");
                    ps.setObject(3, from);
                    ps.setObject(4, from.plusYears(1));
                    drain(ps);
                }
                long t2 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(summarySql)) {
                    ps.setString(1, areaPath);
                    ps.setString(2, areaPath + "/%");
                    ps.setObject(3, LocalDate.of(ProvinceDataGenerator.YEAR, 1, 1));
                    ps.setObject(4, LocalDate.of(ProvinceDataGenerator.YEAR + 1, 1, 1));
                    drain(ps);
                }
                long t3 = System.nanoTime();
                if (i >= 0) {
                    page[i] = t1 - t0;
                    ledger[i] = t2 - t1;
                    summed[i] = t3 - t2;
                }
            }
            try (var st = c.createStatement()) {
                st.execute("reset plan_cache_mode");
            }
        }
        LatencyStats p = LatencyStats.of(page);
        LatencyStats l = LatencyStats.of(ledger);
        LatencyStats u = LatencyStats.of(summed);
        report(String.format("""
                ### Cockpit, %s
                | | p50 | p95 | n |
                |---|---|---|---|
                | `/cockpit` (HTTP, signed in, rendered) | %.1f ms | %.1f ms | %d |
                | member-unit ranking grouped over the ledger (plain JDBC, as before V607) | %.1f ms | %.1f ms | %d |
                | member-unit ranking summed over the UNIT rows (plain JDBC, as the page does) | %.1f ms | %.1f ms | %d |
                """, name, p.p50(), p.p95(), p.count(), l.p50(), l.p95(), l.count(), u.p50(), u.p95(), u.count()));
    }

    private static void drain(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getLong(2);
            }
        }
    }

    /**
     * Interleaves, in each iteration, the page (HTTP, signed in, full render), the raw aggregate SQL over the
     * ledger that computes the same figures (plain JDBC), and the summary SQL the page runs, so all three see the
     * same machine load.
     */
    private void measureDashboard(String name, String user, String scopePath, int iterations, double targetP95)
            throws Exception {
        HttpClient client = server.login(user);
        HttpRequest req = HttpRequest.newBuilder(server.uri("/dashboard?year=" + ProvinceDataGenerator.YEAR)).GET()
                .build();
        int warmup = Math.max(3, iterations / 10);
        long[] page = new long[iterations];
        long[] raw = new long[iterations];
        long[] summary = new long[iterations];
        try (Connection c = server.dataSource.getConnection()) {
            c.setReadOnly(true);
            // the baseline gets the best plan every time: a generic plan for "path like $1" cannot use the index
            try (var st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_custom_plan");
            }
            for (int i = -warmup; i < iterations; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (res.statusCode() != 200 || !res.body().contains("data-chart=")) {
                    throw new IllegalStateException(name + ": dashboard answered " + res.statusCode());
                }
                rawAggregates(c, scopePath);
                long t2 = System.nanoTime();
                summaryAggregates(c, scopePath);
                long t3 = System.nanoTime();
                if (i >= 0) {
                    page[i] = t1 - t0;
                    if (i % 20 == 0) {
                        System.out.printf("[bench] %s %d/%d page %.1f ms raw %.1f ms%n", name, i, iterations,
                                (t1 - t0) / 1e6, (t2 - t1) / 1e6);
                    }
                    raw[i] = t2 - t1;
                    summary[i] = t3 - t2;
                }
            }
            try (var st = c.createStatement()) {
                st.execute("reset plan_cache_mode");
            }
        }
        LatencyStats p = LatencyStats.of(page);
        LatencyStats r = LatencyStats.of(raw);
        LatencyStats s = LatencyStats.of(summary);
        double ratio = p.p95() / r.p95();
        report(String.format("""
                ### Dashboard, %s
                | | p50 | p95 | n |
                |---|---|---|---|
                | `/dashboard?year=%d` (HTTP, signed in, rendered) | %.1f ms | %.1f ms | %d |
                | baseline: raw aggregate SQL over the ledger (plain JDBC) | %.1f ms | %.1f ms | %d |
                | for information: the summary SQL the page runs (plain JDBC) | %.1f ms | %.1f ms | %d |

                ratio p95 page / p95 raw SQL = **%.2f** (target ≤ 1.5); page p95 target ≤ %.0f ms → %s;
                page p95 / summary SQL p95 = %.1f (fixed cost of HTTP, session, scope checks, labels and rendering)
                """, name, ProvinceDataGenerator.YEAR, p.p50(), p.p95(), p.count(), r.p50(), r.p95(), r.count(), s.p50(),
                s.p95(), s.count(), ratio, targetP95,
                p.p95() <= targetP95 && ratio <= 1.5 ? "**met**" : "**NOT met**", p.p95() / s.p95()));
    }

    /** The summary sums the page runs for a county-or-larger area (see ActivityStatsService#fromSummary). */
    static void summaryAggregates(Connection c, String areaPath) throws SQLException {
        int depth = areaPath.split("/").length;
        String where = "(s.area_path = ? or s.area_path like ?) and s.month >= ? and s.month < ?";
        String sql = """
                select dim, dim_key k, sum(activities), sum(onsite), sum(online), sum(materials), sum(volunteers)
                from (select * from activity_month_summary union all select * from activity_month_summary_pending) s where s.area_level = 3 and s.dim <> 'UNIT' and %1$s group by dim, dim_key
                union all
                select 'MONTH', extract(month from s.month)::int::text, sum(activities), sum(onsite), sum(online),
                       sum(materials), sum(volunteers)
                from (select * from activity_month_summary union all select * from activity_month_summary_pending) s where s.area_level = 3 and s.dim = 'TOTAL' and %1$s group by 2
                union all
                select 'CHILD', split_part(s.area_path, '/', %2$d), sum(activities), sum(onsite), sum(online),
                       sum(materials), sum(volunteers)
                from (select * from activity_month_summary union all select * from activity_month_summary_pending) s where s.area_level = %3$d and s.dim = 'TOTAL' and %1$s group by 2
                """.formatted(where, depth + 1, depth <= 2 ? 3 : 4);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int part = 0; part < 3; part++) {
                ps.setString(part * 4 + 1, areaPath);
                ps.setString(part * 4 + 2, areaPath + "/%");
                ps.setObject(part * 4 + 3, LocalDate.of(ProvinceDataGenerator.YEAR, 1, 1));
                ps.setObject(part * 4 + 4, LocalDate.of(ProvinceDataGenerator.YEAR + 1, 1, 1));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(3);
                }
            }
        }
    }

    /** The same figures straight from the ledger: one grouping-sets pass and one key-group pass over activity. */
    static void rawAggregates(Connection c, String scopePath) throws SQLException {
        String where = "(a.division_path = ? or a.division_path like ?) and a.status in ('SUBMITTED', 'VERIFIED')"
                + " and a.starts_at >= ? and a.starts_at < ?";
        int depth = scopePath.split("/").length + 1;
        String grouping = """
                select coalesce(theme_code, format_code, m::text, child, '') k, count(*),
                       sum(onsite), sum(online), sum(materials), sum(volunteers)
                from (select a.theme_code, a.format_code,
                             extract(month from a.starts_at at time zone 'Asia/Shanghai')::int m,
                             split_part(a.division_path, '/', %d) child,
                             a.participants_onsite onsite, a.participants_online online,
                             a.materials_count materials, a.volunteers_count volunteers
                      from activity a where %s) x
                group by grouping sets ((theme_code), (format_code), (m), (child), ())
                """.formatted(depth, where);
        String keyGroups = "select kg, count(*), sum(a.participants_onsite + a.participants_online)"
                + " from activity a cross join lateral unnest(a.key_groups) kg where " + where + " group by kg";
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        OffsetDateTime from = LocalDate.of(ProvinceDataGenerator.YEAR, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = from.plusYears(1);
        for (String sql : List.of(grouping, keyGroups)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, scopePath);
                ps.setString(2, scopePath + "/%");
                ps.setObject(3, from);
                ps.setObject(4, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(2);
                    }
                }
            }
        }
    }

    @Test
    void activityListUnderLoad() throws Exception {
        int users = Integer.getInteger("kepu.bench.users", 50);
        Duration measure = Duration.ofSeconds(Integer.getInteger("kepu.bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(5);
        String listPath = System.getProperty("kepu.bench.listPath", "/activities?year=" + ProvinceDataGenerator.YEAR);
        String listUser = System.getProperty("kepu.bench.listUser", "bench-county");
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            clients.add(server.login(listUser));
        }
        // A server runs for days: measure it with its code compiled. The JIT (C2) keeps compiling the request path
        // for a minute or more under load; with only the 5 s warm-up the first path measured ran on a colder JVM
        // than the second, and the runs spread by ±30 %.
        Duration jitWarmup = Duration.ofSeconds(Integer.getInteger("kepu.bench.jitWarmupSeconds", 60));
        for (long end = System.nanoTime() + jitWarmup.toNanos(); System.nanoTime() < end; ) {
            HttpLoadDriver.run("warm-up", clients, server.uri("/actuator/health"), Duration.ZERO, Duration.ofSeconds(5));
            HttpLoadDriver.run("warm-up", clients, server.uri(listPath), Duration.ZERO, Duration.ofSeconds(5));
        }
        var trivial = HttpLoadDriver.run("trivial /actuator/health", clients, server.uri("/actuator/health"),
                warmup, measure);
        var list = HttpLoadDriver.run("list " + listPath, clients, server.uri(listPath), warmup, measure);
        double ratio = list.requestsPerSecond() / trivial.requestsPerSecond();
        report(String.format("""
                ### Activity list under load (%d users (%s), %d s each after %d s warm-up and %d s JIT warm-up, signed in as %s)
                | | req/s | p50 | p99 | statuses |
                |---|---|---|---|---|
                | `%s` | %.0f | %.1f ms | %.1f ms | %s |
                | `/actuator/health` (baseline) | %.0f | %.1f ms | %.1f ms | %s |

                ratio list / baseline req/s = **%.2f** (target ≥ 0.3); targets ≥ 2,000 req/s, p99 ≤ 100 ms → %s
                """, users, "jdk".equals(System.getProperty("kepu.bench.client", "socket")) ? "JDK HttpClient"
                        : "one kept-alive socket each", measure.toSeconds(), warmup.toSeconds(), jitWarmup.toSeconds(), listUser, listPath,
                list.requestsPerSecond(),
                list.latency().p50(), list.latency().p99(), list.statuses(), trivial.requestsPerSecond(),
                trivial.latency().p50(), trivial.latency().p99(), trivial.statuses(), ratio,
                !list.allOk() ? "**not meaningful: the list did not answer 200**"
                        : list.requestsPerSecond() >= 2000 && list.latency().p99() <= 100 && ratio >= 0.3
                                ? "**met**" : "**NOT met**"));
    }

    /**
     * What the summary triggers cost a writer: the same activities inserted (and rolled back) with the triggers on
     * and off ({@code session_replication_role = replica}), one row per statement (JDBC batch) and all rows in one
     * multi-row statement.
     */
    @Test
    void summaryTriggerCost() throws Exception {
        int rows = Integer.getInteger("kepu.bench.writeRows", 5000);
        String sql = """
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, participants_onsite, status)
                values (?, 'OTHER', 'LECTURE', '{YOUTH,FARMER}', ?, ?, ?, ?, 10, 'SUBMITTED')""";
        String multi = """
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, participants_onsite, status)
                select 'bench-write-' || g, 'OTHER', 'LECTURE', '{YOUTH,FARMER}', ? + g * interval '1 hour',
                       ? + g * interval '1 hour' + interval '2 hours', ?, ?, 10, 'SUBMITTED'
                from generate_series(1, ?) g""";
        var village = "990101100001";
        var path = ProvinceDataGenerator.COUNTY_PATH + "/990101100/" + village;
        OffsetDateTime start = OffsetDateTime.parse("2026-03-01T09:00+08:00");
        var lines = new StringBuilder("### Cost of the summary triggers for writers (" + rows + " rows, rolled back)\n"
                + "| | triggers on | triggers off | ratio |\n|---|---|---|---|\n");
        for (boolean batch : new boolean[] {true, false}) {
            double[] ms = new double[2];
            for (int pass = 0; pass < 3; pass++) {
                for (int mode = 0; mode < 2; mode++) {
                    try (Connection c = server.dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        try (var st = c.createStatement()) {
                            st.execute("set local session_replication_role = " + (mode == 0 ? "origin" : "replica"));
                        }
                        long t0 = System.nanoTime();
                        if (batch) {
                            try (PreparedStatement ps = c.prepareStatement(sql)) {
                                for (int i = 0; i < rows; i++) {
                                    ps.setString(1, "bench-write-" + i);
                                    ps.setObject(2, start.plusHours(i));
                                    ps.setObject(3, start.plusHours(i + 2));
                                    ps.setString(4, village);
                                    ps.setString(5, path);
                                    ps.addBatch();
                                }
                                ps.executeBatch();
                            }
                        } else {
                            try (PreparedStatement ps = c.prepareStatement(multi)) {
                                ps.setObject(1, start);
                                ps.setObject(2, start);
                                ps.setString(3, village);
                                ps.setString(4, path);
                                ps.setInt(5, rows);
                                ps.executeUpdate();
                            }
                        }
                        double took = (System.nanoTime() - t0) / 1e6;
                        if (pass > 0) {
                            ms[mode] += took / 2;
                        }
                        c.rollback();
                    }
                }
            }
            lines.append(String.format("| %s | %.0f ms | %.0f ms | %.2f |%n",
                    batch ? "JDBC batch, one row per statement" : "one multi-row INSERT … SELECT", ms[0], ms[1],
                    ms[0] / ms[1]));
        }
        report(lines.toString());
    }

    static void report(String text) {
        System.out.println(text);
        try {
            Path out = Path.of("target", "bench", "results.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
