package org.kepu.region.internal;

/** What an import did: rows in the imported subtree (with its ancestors), and how many were new or changed. */
public record DivisionImportResult(String rootCode, String rootName, int total, int inserted, int updated,
        int unchanged) {
}
