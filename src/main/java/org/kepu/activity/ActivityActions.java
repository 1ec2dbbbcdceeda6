package org.kepu.activity;

/** What the caller may do with one activity right now; pages show buttons from it, the service enforces it. */
public record ActivityActions(boolean edit, boolean delete, boolean submit, boolean verify, boolean returnIt,
        boolean attach, boolean removeEvidence) {
}
