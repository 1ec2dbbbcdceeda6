package org.kepu.plan;

import java.util.List;
import java.util.Optional;
import org.kepu.plan.internal.PlanReads;
import org.kepu.plan.internal.Responsibilities;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to plans, their task trees and the units' responsibility lists for every module, always within the
 * caller's scope (a plan outside it is {@link NotFoundException}): the office admin sees the plans of their subtree,
 * drafts included; leaders, evaluators and township users the plans of their subtree in force or closed; a unit's
 * liaison or head those of their unit's division in force or closed.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

    /** List filters; null means any. {@code year} matches plans whose period (or date of issue) covers it. */
    public record Filter(PlanStatus status, PlanKind kind, Integer year, String q) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    private final PlanReads reads;
    private final Responsibilities responsibilities;

    PlanService(PlanReads reads, Responsibilities responsibilities) {
        this.reads = reads;
        this.responsibilities = responsibilities;
    }

    public PageResult<PlanSummary> list(CurrentUser user, Filter filter, int page, int size) {
        return reads.list(user, new PlanReads.Filter(filter.status(), filter.kind(), filter.year(), filter.q()), page,
                size);
    }

    public PlanSummary get(CurrentUser user, long planId) {
        return reads.get(user, planId);
    }

    /** The plan's top-level tasks, each with its subtree. */
    public List<PlanTask> tree(CurrentUser user, long planId) {
        return reads.tree(user, planId);
    }

    /** The plan's tasks depth first (document order), without children. */
    public List<PlanTask> tasks(CurrentUser user, long planId) {
        return reads.flat(user, planId);
    }

    /** One task of a plan the caller may see. */
    public Optional<PlanTask> findTask(CurrentUser user, long planId, long taskId) {
        return tasks(user, planId).stream().filter(t -> t.id() == taskId).findFirst();
    }

    /**
     * 责任清单: the tasks the unit leads or cooperates in, across the plans the caller may see (closed plans only when
     * {@code includeClosed}). 404 when the caller may not see the unit.
     */
    public ResponsibilityList tasksForUnit(CurrentUser user, long unitId, boolean includeClosed) {
        return responsibilities.of(user, unitId, includeClosed);
    }
}
