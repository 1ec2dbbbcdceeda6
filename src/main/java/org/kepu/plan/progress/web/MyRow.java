package org.kepu.plan.progress.web;

import java.time.LocalDate;
import org.kepu.plan.ResponsibilityList;
import org.kepu.plan.progress.ProgressReport;

/**
 * One task on a unit's "my reports" page for a quarter.
 *
 * @param report the unit's report on the task for the quarter, or null when not written
 * @param doneEarlier the unit reported the task 已完成 in an earlier quarter (nothing more is due)
 * @param overdue the report is missing after its due date, or the task's deadline passed without 已完成
 */
public record MyRow(long planId, String planTitle, ResponsibilityList.Item item, ProgressReport report,
        boolean doneEarlier, boolean required, boolean overdue, LocalDate due) {
}
