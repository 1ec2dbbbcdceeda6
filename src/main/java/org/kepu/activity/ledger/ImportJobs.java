package org.kepu.activity.ledger;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Background imports. The upload is copied to a temporary file, then imported on one worker thread (imports
 * queue behind each other) with the caller's security context, so the audit entry names the importer. Jobs
 * are kept in memory on the node that received the upload for {@link #KEEP} after they finish; the progress
 * page must therefore be served by the same node (sticky sessions when running several nodes). A job is visible
 * only to the user who started it; anyone else gets "not found".
 */
@Component
class ImportJobs {

    static final Duration KEEP = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final LedgerImportService imports;
    private final LedgerMessages messages;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(LedgerImportService imports, LedgerMessages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** Copies the upload and starts importing it; returns the job. */
    ImportJob start(CurrentUser user, InputStream upload, String fileName) throws IOException {
        LedgerImportService.requireImporter(user);
        forgetOld();
        Path file = Files.createTempFile("kepu-ledger-", ".xlsx");
        try (upload) {
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), user.id(), fileName);
        jobs.put(job.id(), job);
        worker.execute(new DelegatingSecurityContextRunnable(() -> run(job, file, user)));
        return job;
    }

    private void run(ImportJob job, Path file, CurrentUser user) {
        try {
            job.result(imports.importFile(file, job.fileName(), user, job.progress()));
        } catch (RuntimeException e) {
            log.error("Ledger import {} failed", job.id(), e);
            job.result(ImportResult.failed(job.progress().parsed(),
                    java.util.List.of(new ImportError(0, null, messages.t("ledger.file.systemError"))), 1));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Cannot delete {}", file, e);
            }
        }
    }

    /** The job if it exists and belongs to {@code user}; otherwise {@link NotFoundException}. */
    ImportJob require(String id, CurrentUser user) {
        ImportJob job = jobs.get(id);
        if (job == null || job.ownerId() != user.id()) {
            throw new NotFoundException("error.notFound");
        }
        return job;
    }

    private void forgetOld() {
        Instant limit = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.finished() && j.startedAt().isBefore(limit));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
