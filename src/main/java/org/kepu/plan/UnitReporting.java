package org.kepu.plan;

/**
 * Where one responsible unit stands with its reports on a plan for a quarter.
 *
 * @param tasks the tasks the unit must report on (lead or cooperating; not those it already reported 已完成)
 * @param accepted reports the office accepted
 * @param submitted reports waiting for the office
 * @param returned reports returned to the unit and not submitted again
 * @param drafts reports saved but not submitted
 * @param missing tasks without a submitted or accepted report (drafts, returned and unwritten ones)
 * @param overdue the quarter's due date has passed and reports are missing
 */
public record UnitReporting(long unitId, String unitName, int tasks, int accepted, int submitted, int returned,
        int drafts, int missing, boolean overdue) {

    public int reported() {
        return accepted + submitted;
    }

    /** Every required report is in. */
    public boolean complete() {
        return missing == 0;
    }
}
