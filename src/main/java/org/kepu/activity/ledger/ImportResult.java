package org.kepu.activity.ledger;

import java.util.List;

/**
 * The outcome of one import: either every row was written ({@code imported} rows in batch {@code batchId}) or
 * nothing was, and {@code errors} says why ({@code errorCount} may exceed the errors listed).
 */
public record ImportResult(boolean success, int rowsRead, int imported, Long batchId, List<ImportError> errors,
        int errorCount) {

    static ImportResult failed(int rowsRead, List<ImportError> errors, int errorCount) {
        return new ImportResult(false, rowsRead, 0, null, List.copyOf(errors), errorCount);
    }

    static ImportResult done(int rows, long batchId) {
        return new ImportResult(true, rows, rows, batchId, List.of(), 0);
    }
}
