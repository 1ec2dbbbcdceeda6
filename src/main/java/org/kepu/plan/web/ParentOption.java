package org.kepu.plan.web;

/** A possible parent task in the task form's select. */
public record ParentOption(long id, String label, int depth) {
}
