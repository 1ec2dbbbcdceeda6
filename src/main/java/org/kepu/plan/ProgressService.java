package org.kepu.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kepu.plan.progress.ProgressStatus;
import org.kepu.plan.progress.ReportCommands;
import org.kepu.shared.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the progress of a plan's tasks for every module (dashboards, the wall display), within the caller's
 * scope: a plan the caller may not see is not found; a unit's account sees only its own unit's row.
 */
@Service
@Transactional(readOnly = true)
public class ProgressService {

    private final ProgressStatus status;
    private final Clock clock;

    ProgressService(ProgressStatus status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    /** Today in the county's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ReportCommands.ZONE));
    }

    /** The quarter whose reports are due next or overdue now: the last quarter that has ended. */
    public Quarter reportingQuarter() {
        return Quarter.reportingOn(today());
    }

    /** The units × tasks table of a plan for a quarter, each cell coloured by the unit's latest status. */
    public ProgressMatrix matrix(CurrentUser user, long planId, Quarter quarter) {
        return status.matrix(user, planId, quarter, today());
    }

    /** The ids of the plan's tasks whose deadline has passed without every responsible unit reporting 已完成. */
    public java.util.Set<Long> overdueTasks(CurrentUser user, long planId) {
        return status.overdueTasks(user, planId, today());
    }

    /** Which responsible units have and have not reported on a plan for a quarter. */
    public List<UnitReporting> reporting(CurrentUser user, long planId, Quarter quarter) {
        return status.reporting(user, planId, quarter, today());
    }
}
