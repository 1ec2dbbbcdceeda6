package org.kepu.plan;

/**
 * The colour of one unit × task cell of the progress matrix: the unit's latest reported status on the task up to a
 * quarter, {@link #OVERDUE} when that quarter's report is missing after its due date or the task's deadline has
 * passed without a 已完成 report, {@link #NOT_REPORTED} when the unit has reported nothing yet.
 */
public enum ProgressCell {
    NOT_REPORTED,
    NOT_STARTED,
    ON_TRACK,
    BEHIND,
    DONE,
    OVERDUE
}
