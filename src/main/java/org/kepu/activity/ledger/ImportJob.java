package org.kepu.activity.ledger;

import java.time.Instant;

/** An import running (or finished) in the background, visible only to the user who started it. */
final class ImportJob {

    private final String id;
    private final long ownerId;
    private final String fileName;
    private final Instant startedAt = Instant.now();
    private final ImportProgress progress = new ImportProgress();
    private volatile ImportResult result;

    ImportJob(String id, long ownerId, String fileName) {
        this.id = id;
        this.ownerId = ownerId;
        this.fileName = fileName;
    }

    String id() {
        return id;
    }

    long ownerId() {
        return ownerId;
    }

    String fileName() {
        return fileName;
    }

    Instant startedAt() {
        return startedAt;
    }

    ImportProgress progress() {
        return progress;
    }

    ImportResult result() {
        return result;
    }

    void result(ImportResult r) {
        result = r;
    }

    boolean finished() {
        return result != null;
    }
}
