package org.kepu.activity;

/** Workflow of an activity record: draft → submitted → verified, or returned (editable again) with a reason. */
public enum ActivityStatus {
    DRAFT,
    SUBMITTED,
    VERIFIED,
    RETURNED;

    /** Records that any writer in scope may still change. */
    public boolean open() {
        return this == DRAFT || this == RETURNED;
    }
}
