package org.kepu.activity.ledger;

/** What the progress page shows of an import job. */
public record LedgerJobView(String id, String fileName, String phase, int percent, int parsed, int validated,
        int written, ImportResult result) {

    static LedgerJobView of(ImportJob job) {
        ImportProgress p = job.progress();
        ImportResult r = job.result();
        return new LedgerJobView(job.id(), job.fileName(), r != null ? "DONE" : p.phase().name(),
                r != null ? 100 : p.percent(), p.parsed(), p.validated(), p.written(), r);
    }

    public boolean finished() {
        return result != null;
    }
}
