package org.kepu.activity.ledger;

/**
 * Hard limits of an import. The file size matches the upload limit of the application (multipart 20 MB); a
 * 100,000-row ledger is about 6 MB.
 */
final class LedgerLimits {

    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    static final int MAX_ROWS = 200_000;
    /** Uncompressed size of all parts of the workbook together. */
    static final long MAX_TOTAL_UNCOMPRESSED = 1024L * 1024 * 1024;
    /** Uncompressed size of one part (e.g. the sheet XML). */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /** Compressed/uncompressed below this (1:100) is treated as a zip bomb once an entry passes 1 MB. */
    static final double MIN_INFLATE_RATIO = 0.01;
    static final long RATIO_GRACE_BYTES = 1024L * 1024;
    static final int MAX_ENTRIES = 1000;
    /** The header row is searched in this many rows from the top. */
    static final int HEADER_SEARCH_ROWS = 10;
    /** Errors kept for the report; further errors are only counted. */
    static final int MAX_REPORTED_ERRORS = 10_000;

    private LedgerLimits() {
    }
}
