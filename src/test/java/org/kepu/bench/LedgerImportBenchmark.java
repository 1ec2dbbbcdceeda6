package org.kepu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.activity.ledger.ImportResult;
import org.kepu.activity.ledger.LedgerBenchmarkFiles;
import org.kepu.activity.ledger.LedgerImportService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (its name does not match the test patterns, so {@code ./mvnw test} skips it). Generates a
 * 100,000-row ledger, then measures in the same run: parsing only (check + SHA-256 + streaming read of every
 * cell) and the full import (the same plus validation and writing all rows in one transaction). Run with
 *
 * <pre>./mvnw -q test -Dtest=LedgerImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dkepu.bench.rows=100000</pre>
 *
 * Targets (issue 2): full import ≤ 20 s, full / parse ≤ 3. Results are printed to standard output.
 */
@KepuIntegrationTest
class LedgerImportBenchmark {

    @Autowired
    LedgerImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importVersusParse() throws Exception {
        int rows = Integer.getInteger("kepu.bench.rows", 100_000);
        TestFixtures fixtures = new TestFixtures(jdbc).ensure();
        CurrentUser county = fixtures.user("bench-county", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        String tag = "基准-" + UUID.randomUUID().toString().substring(0, 8);
        long t0 = System.nanoTime();
        Path file = LedgerBenchmarkFiles.large(rows, tag);
        long generated = System.nanoTime() - t0;

        // Warm-up on a small file so that class loading and JIT do not count against either side.
        Path warm = LedgerBenchmarkFiles.large(2_000, tag + "-warm");
        imports.parseOnly(warm);
        TestFixtures.runAs(county, () -> imports.importFile(warm, "warm.xlsx", county));

        long p0 = System.nanoTime();
        int parsedRows = imports.parseOnly(file);
        long parse = System.nanoTime() - p0;

        AtomicReference<ImportResult> result = new AtomicReference<>();
        long i0 = System.nanoTime();
        TestFixtures.runAs(county, () -> result.set(imports.importFile(file, "bench.xlsx", county)));
        long full = System.nanoTime() - i0;

        if (!result.get().success()) {
            throw new IllegalStateException("Import failed: " + result.get().errors().subList(0,
                    Math.min(5, result.get().errors().size())));
        }
        double parseS = parse / 1e9;
        double fullS = full / 1e9;
        System.out.printf("%n=== Excel import benchmark ===%n");
        System.out.printf("rows: %d (parsed %d, imported %d), file size: %.1f MB, generated in %.1f s%n", rows,
                parsedRows, result.get().imported(), Files.size(file) / 1024.0 / 1024.0, generated / 1e9);
        System.out.printf("parse only:  %.2f s%n", parseS);
        System.out.printf("full import: %.2f s (target <= 20 s)%n", fullS);
        System.out.printf("ratio full/parse: %.2f (target <= 3)%n%n", fullS / parseS);
        Files.deleteIfExists(file);
        Files.deleteIfExists(warm);
    }
}
