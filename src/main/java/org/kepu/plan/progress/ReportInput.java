package org.kepu.plan.progress;

import java.util.List;
import org.kepu.plan.TaskProgress;

/** What the unit writes in a quarterly report (the task, unit and quarter come from the URL and the session). */
public record ReportInput(TaskProgress progress, String body, List<ReportFigure> figures, List<Long> activityIds) {
}
