package org.kepu.activity.ledger;

import java.io.IOException;
import java.nio.file.Path;

/** Gives the benchmark (another package) the generator of large ledgers used by the tests. */
public final class LedgerBenchmarkFiles {

    private LedgerBenchmarkFiles() {
    }

    public static Path large(int rows, String tag) throws IOException {
        return LedgerFiles.large(rows, tag);
    }
}
