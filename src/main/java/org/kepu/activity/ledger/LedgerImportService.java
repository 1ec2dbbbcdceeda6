package org.kepu.activity.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports an Excel ledger: checks the file by content ({@link XlsxGuard}), refuses a file imported before (same
 * SHA-256), streams and validates every row ({@link LedgerReader}, {@link RowValidator}) and, only when no row
 * has an error, commits all rows in one transaction ({@link ImportPipeline}, {@link LedgerWriter}; writing starts
 * while the file is still being read and is rolled back at the first bad row). Any error means nothing is
 * written.
 */
@Service
public class LedgerImportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerImportService.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final MemberUnitService units;
    private final LedgerDictionaries dictionaries;
    private final LedgerMessages messages;
    private final LedgerWriter writer;
    /** Imports at least this large refresh the planner's statistics of the ledger tables right away. */
    static final int ANALYZE_AFTER_ROWS = 5_000;

    private final TransactionTemplate tx;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ledger-write");
        t.setDaemon(true);
        return t;
    });

    LedgerImportService(JdbcClient jdbc, DivisionService divisions, MemberUnitService units,
            LedgerDictionaries dictionaries, LedgerMessages messages, LedgerWriter writer,
            PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.units = units;
        this.dictionaries = dictionaries;
        this.messages = messages;
        this.writer = writer;
    }

    /** Throws {@link ForbiddenException} unless the caller may create activities. */
    static void requireImporter(CurrentUser user) {
        if (!user.canWrite() || user.scope().none()) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    /** Imports {@code file} (a temporary copy of the upload) for {@code user}, reporting into {@code progress}. */
    public ImportResult importFile(Path file, String fileName, CurrentUser user) {
        return importFile(file, fileName, user, new ImportProgress());
    }

    ImportResult importFile(Path file, String fileName, CurrentUser user, ImportProgress progress) {
        requireImporter(user);
        try {
            progress.phase(ImportProgress.Phase.CHECKING);
            XlsxGuard.check(file);
            String sha = sha256(file);
            ImportError duplicate = duplicate(sha);
            if (duplicate != null) {
                return ImportResult.failed(0, List.of(duplicate), 1);
            }
            progress.phase(ImportProgress.Phase.PARSING);
            long readStart = System.nanoTime();
            RowValidator validator = new RowValidator(messages, dictionaries,
                    new PlaceResolver(divisions, units, user.scope()), user.scope());
            List<ImportError> errors = new ArrayList<>();
            int[] errorCount = {0};
            LedgerReader.Summary summary;
            long batchId;
            try (ImportPipeline pipeline = new ImportPipeline(executor, tx, writer, user, sha, fileName, progress)) {
                summary = LedgerReader.read(file, new LedgerReader.RowSink() {
                    @Override
                    public void row(int rowNumber, RawCell[] cells) {
                        progress.rowParsed();
                        List<ImportError> rowErrors = new ArrayList<>(2);
                        ActivityRow row = validator.validate(rowNumber, cells, rowErrors);
                        progress.rowValidated();
                        if (row == null) {
                            if (errorCount[0] == 0) {
                                pipeline.abort();
                            }
                            errorCount[0] += rowErrors.size();
                            for (ImportError e : rowErrors) {
                                if (errors.size() < LedgerLimits.MAX_REPORTED_ERRORS) {
                                    errors.add(e);
                                }
                            }
                        } else if (errorCount[0] == 0) {
                            pipeline.add(row);
                        }
                    }

                    @Override
                    public void expectedRows(int n) {
                        progress.expectedRows(n);
                    }
                });
                if (errorCount[0] > 0) {
                    return ImportResult.failed(summary.dataRows(), errors, errorCount[0]);
                }
                progress.phase(ImportProgress.Phase.WRITING);
                try {
                    batchId = pipeline.commit();
                } catch (DuplicateKeyException e) {
                    ImportError again = duplicate(sha);
                    return ImportResult.failed(0, List.of(again != null ? again
                            : messages.fileError(new LedgerFileException("ledger.file.duplicateNow"))), 1);
                }
            }
            log.info("Ledger import batch {}: {} rows in {} ms", batchId, summary.dataRows(),
                    (System.nanoTime() - readStart) / 1_000_000);
            if (summary.dataRows() >= ANALYZE_AFTER_ROWS) {
                analyzeSoon();
            }
            return ImportResult.done(summary.dataRows(), batchId);
        } catch (LedgerFileException e) {
            return ImportResult.failed(progress.parsed(), List.of(messages.fileError(e)), 1);
        } finally {
            progress.phase(ImportProgress.Phase.DONE);
        }
    }

    /**
     * Only checks and reads the file (every cell converted, no validation against the database, nothing
     * written); returns the number of data rows. The baseline of the import benchmark.
     */
    public int parseOnly(Path file) {
        XlsxGuard.check(file);
        sha256(file);
        int[] cells = {0};
        return LedgerReader.read(file, (row, c) -> cells[0] += c.length).dataRows();
    }

    /**
     * Fresh planner statistics right after a large import: until autovacuum gets to it, the planner would still see
     * the tables as they were before and may pick a nested loop over a seq scan for the next queries. Run in the
     * background (about 0.6 s for 100,000 rows) so that the importing user does not wait for it; a failure only
     * leaves the statistics to autovacuum.
     */
    private void analyzeSoon() {
        executor.execute(() -> {
            try {
                jdbc.sql("analyze activity, activity_co_organizer").update();
            } catch (RuntimeException e) {
                log.debug("Analyze after import failed; autovacuum will refresh the statistics", e);
            }
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        // Let a running import or statistics refresh end before the pool and the database go away.
        if (!executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private ImportError duplicate(String sha) {
        return jdbc.sql("select imported_at, row_count from activity_import where sha256 = :sha").param("sha", sha)
                .query((rs, n) -> messages.fileError(new LedgerFileException("ledger.file.duplicate",
                        rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(RowValidator.ZONE).format(SHOWN),
                        Integer.toString(rs.getInt(2)))))
                .optional().orElse(null);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LedgerFileException("ledger.file.unreadable");
        }
    }
}
