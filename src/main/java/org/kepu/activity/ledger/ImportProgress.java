package org.kepu.activity.ledger;

import java.util.concurrent.atomic.AtomicInteger;

/** Live counters of one import, read by the progress page while the import runs on another thread. */
final class ImportProgress {

    /** Where the import is. */
    enum Phase { QUEUED, CHECKING, PARSING, WRITING, DONE }

    private volatile Phase phase = Phase.QUEUED;
    private volatile int expectedRows;
    private final AtomicInteger parsed = new AtomicInteger();
    private final AtomicInteger validated = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();
    private volatile int toWrite;

    Phase phase() {
        return phase;
    }

    void phase(Phase p) {
        phase = p;
    }

    int parsed() {
        return parsed.get();
    }

    int validated() {
        return validated.get();
    }

    int written() {
        return written.get();
    }

    void rowParsed() {
        parsed.incrementAndGet();
    }

    void rowValidated() {
        validated.incrementAndGet();
    }

    void rowsWritten(int n) {
        written.addAndGet(n);
    }

    void toWrite(int n) {
        toWrite = n;
    }

    /** Rows the sheet declares (its dimension), 0 when unknown. */
    void expectedRows(int n) {
        expectedRows = n;
    }

    /** 0–100: reading and checking is half of the work, writing (which runs alongside) the other half. */
    int percent() {
        return switch (phase) {
            case QUEUED, CHECKING -> 0;
            case PARSING -> expectedRows <= 0 ? 0
                    : Math.min(99, (int) ((50L * validated() + 50L * written()) / expectedRows));
            case WRITING -> toWrite <= 0 ? 99 : Math.min(99, 50 + (int) (50L * written() / toWrite));
            case DONE -> 100;
        };
    }
}
