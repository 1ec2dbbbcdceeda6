package org.kepu.plan.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.plan.Quarter;
import org.kepu.plan.ReportState;
import org.kepu.plan.TaskProgress;

/**
 * One unit's quarterly progress report on one task.
 *
 * @param divisionPath the plan's division (the office's scope)
 * @param due the day the report is due
 */
public record ProgressReport(long id, long planId, String planTitle, long taskId, String taskNumbering,
        String taskTitle, LocalDate taskDeadline, long unitId, String unitName, String divisionPath, Quarter quarter,
        TaskProgress progress, String body, List<ReportFigure> figures, List<Long> activityIds, ReportState state,
        String returnReason, OffsetDateTime submittedAt, OffsetDateTime reviewedAt, int version, LocalDate due) {

    /** Not submitted (or returned and not submitted again) after its due date. */
    public boolean overdue(LocalDate today) {
        return !state.reported() && today.isAfter(due);
    }

    /** The task's deadline has passed and the report does not say 已完成. */
    public boolean taskOverdue(LocalDate today) {
        return taskDeadline != null && today.isAfter(taskDeadline) && progress != TaskProgress.DONE;
    }
}
