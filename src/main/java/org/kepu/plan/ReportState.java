package org.kepu.plan;

/**
 * Where a progress report is in its workflow: the unit drafts and submits it; the office accepts it or returns it
 * with a reason, and a returned report is edited and submitted again.
 */
public enum ReportState {
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    RETURNED;

    /** The unit may still change it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** It has reached the office (submitted or accepted): it counts as reported. */
    public boolean reported() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
