package org.kepu.activity.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.kepu.shared.CurrentUser;
import org.postgresql.copy.CopyIn;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Writes validated rows while the file is still being read. The reading thread encodes each valid row for
 * {@code COPY} and hands pieces of {@link LedgerWriter#CHUNK} rows to a writer thread, which holds ONE transaction
 * and ONE {@code COPY} into the ledger for the whole import. At the end the reader either commits (no row had an
 * error) or aborts, and the writer cancels the COPY and rolls everything back, so it is still all rows or none.
 * Reading (JVM) and writing (database) overlap instead of adding up.
 */
final class ImportPipeline implements AutoCloseable {

    private static final Object COMMIT = new Object();
    private static final Object ABORT = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
    private final Future<Long> writer;
    private final ImportProgress progress;
    private final long userId;
    private final long batchId;
    private StringBuilder chunk = new StringBuilder(LedgerWriter.CHUNK * 300);
    private int chunkRows;
    private int rows;
    /** Co-organisers as (row index, unit id), written once the rows have their ids. */
    private int[] coRows = new int[1024];
    private long[] coUnits = new long[1024];
    private int coCount;
    private boolean ended;

    ImportPipeline(ExecutorService executor, TransactionTemplate tx, LedgerWriter sql, CurrentUser user,
            String sha256, String fileName, ImportProgress progress) {
        this.progress = progress;
        this.userId = user.id();
        this.batchId = sql.nextBatchId();
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
            CopyIn copy = sql.startCopy();
            try {
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
                        long copied = LedgerWriter.endCopy(copy);
                        if (copied != rows) {
                            throw new IllegalStateException("COPY inserted " + copied + " rows, expected " + rows);
                        }
                        sql.finish(batchId, rows, coRows, coUnits, coCount, sha256, fileName, user);
                        return batchId;
                    }
                    Piece piece = (Piece) item;
                    LedgerWriter.send(copy, piece.bytes());
                    progress.rowsWritten(piece.rows());
                }
            } finally {
                LedgerWriter.cancel(copy);
            }
        });
    }

    /** Encoded rows and how many. */
    private record Piece(byte[] bytes, int rows) {
    }

    /** A valid row; sent to the writer in pieces. */
    void add(ActivityRow row) {
        LedgerWriter.encode(chunk, row, userId, batchId);
        for (long unit : row.coOrganizerIds()) {
            if (coCount == coRows.length) {
                coRows = Arrays.copyOf(coRows, coCount * 2);
                coUnits = Arrays.copyOf(coUnits, coCount * 2);
            }
            coRows[coCount] = rows;
            coUnits[coCount++] = unit;
        }
        rows++;
        if (++chunkRows >= LedgerWriter.CHUNK) {
            flush();
        }
    }

    private void flush() {
        send(new Piece(chunk.toString().getBytes(StandardCharsets.UTF_8), chunkRows));
        chunk.setLength(0);
        chunkRows = 0;
    }

    /** Stop writing: a row had an error. Everything written so far is rolled back. */
    void abort() {
        if (!ended) {
            ended = true;
            chunk = new StringBuilder();
            send(ABORT);
            await();
        }
    }

    /** Writes the rest, commits and returns the batch id. */
    long commit() {
        ended = true;
        progress.toWrite(rows);
        if (chunkRows > 0) {
            flush();
        }
        send(COMMIT);
        Long id = await();
        if (id == null) {
            throw new IllegalStateException("import writer rolled back");
        }
        return id;
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
