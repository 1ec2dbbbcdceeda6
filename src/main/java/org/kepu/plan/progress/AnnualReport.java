package org.kepu.plan.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.plan.ReportState;

/** A member unit's annual implementation report (年度落实情况报告), due 12月20日 of its year by default. */
public record AnnualReport(long id, long unitId, String unitName, String divisionPath, int year, String body,
        List<Long> activityIds, ReportState state, String returnReason, OffsetDateTime submittedAt,
        OffsetDateTime reviewedAt, int version, LocalDate due) {

    public boolean overdue(LocalDate today) {
        return !state.reported() && today.isAfter(due);
    }
}
