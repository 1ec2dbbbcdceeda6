package org.kepu.activity.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.kepu.shared.CurrentUser;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Writes validated rows while the file is still being read: the reading thread hands chunks to a writer thread
 * that holds ONE transaction for the whole import. At the end the reader either commits (no row had an error)
 * or aborts, and the writer rolls everything back, so it is still all rows or none. Reading (JVM) and writing
 * (database) overlap instead of adding up.
 */
final class ImportPipeline implements AutoCloseable {

    private static final Object COMMIT = new Object();
    private static final Object ABORT = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final Future<Long> writer;
    private final ImportProgress progress;
    private List<ActivityRow> chunk = new ArrayList<>(LedgerWriter.CHUNK);
    private int rows;
    private boolean ended;

    ImportPipeline(ExecutorService executor, TransactionTemplate tx, LedgerWriter sql, CurrentUser user,
            String sha256, String fileName, ImportProgress progress) {
        this.progress = progress;
        // In a request thread (API import) the audit entry should carry the client's address; the request thread
        // waits for the writer, so the request stays valid while the writer uses it.
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        this.writer = executor.submit(new DelegatingSecurityContextCallable<>(() -> {
            RequestContextHolder.setRequestAttributes(request);
            try {
                return write(tx, sql, user, sha256, fileName);
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }));
    }

    private Long write(TransactionTemplate tx, LedgerWriter sql, CurrentUser user, String sha256, String fileName) {
        return tx.execute(status -> {
            long batchId = sql.nextBatchId();
            long firstId = 0;
            long lastId = 0;
            int written = 0;
            while (true) {
                Object item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status.setRollbackOnly();
                    return null;
                }
                if (item == ABORT) {
                    status.setRollbackOnly();
                    return null;
                }
                if (item == COMMIT) {
                    sql.finish(batchId, written, sha256, fileName, user, firstId, lastId);
                    return batchId;
                }
                @SuppressWarnings("unchecked")
                List<ActivityRow> rows = (List<ActivityRow>) item;
                long[] range = sql.insert(rows, user.id(), batchId);
                firstId = firstId == 0 ? range[0] : firstId;
                lastId = range[1];
                written += rows.size();
                progress.rowsWritten(rows.size());
            }
        });
    }

    /** A valid row; sent to the writer in chunks. */
    void add(ActivityRow row) {
        chunk.add(row);
        rows++;
        if (chunk.size() >= LedgerWriter.CHUNK) {
            send(chunk);
            chunk = new ArrayList<>(LedgerWriter.CHUNK);
        }
    }

    /** Stop writing: a row had an error. Everything written so far is rolled back. */
    void abort() {
        if (!ended) {
            ended = true;
            chunk = new ArrayList<>();
            send(ABORT);
            await();
        }
    }

    /** Writes the rest, commits and returns the batch id. */
    long commit() {
        ended = true;
        progress.toWrite(rows);
        if (!chunk.isEmpty()) {
            send(chunk);
        }
        send(COMMIT);
        Long batchId = await();
        if (batchId == null) {
            throw new IllegalStateException("import writer rolled back");
        }
        return batchId;
    }

    int rows() {
        return rows;
    }

    private void send(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (writer.isDone()) {
                    await();
                    throw new IllegalStateException("import writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.cancel(true);
            throw new IllegalStateException("import interrupted", e);
        }
    }

    private Long await() {
        try {
            return writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.cancel(true);
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Rolls back when neither {@link #commit()} nor {@link #abort()} was reached (e.g. the file broke off). */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            queue.clear();
            queue.offer(ABORT);
            try {
                writer.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                writer.cancel(true);
            }
        }
    }
}
