package org.kepu.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.kepu.organization.ActionRole;
import org.kepu.organization.MemberUnitRef;
import org.kepu.shared.KeyGroup;

/**
 * 责任清单: what a member unit leads and where it cooperates, across the plans the caller may see, grouped by plan.
 */
public record ResponsibilityList(MemberUnitRef unit, List<PlanPart> plans) {

    /** The unit's tasks in one plan, in the plan's order. */
    public record PlanPart(PlanSummary plan, List<Item> items) {
    }

    /**
     * One task the unit is responsible for.
     *
     * @param role LEAD (牵头) or COOPERATING (配合)
     * @param leadUnits the names of all lead units of the task
     * @param cooperatingUnits the names of all cooperating units of the task
     */
    public record Item(long taskId, String numberingPath, String title, ActionRole role, List<String> leadUnits,
            List<String> cooperatingUnits, LocalDate deadline, Set<KeyGroup> keyGroups) {
    }

    public long leadCount() {
        return plans.stream().flatMap(p -> p.items().stream()).filter(i -> i.role() == ActionRole.LEAD).count();
    }

    public long cooperatingCount() {
        return plans.stream().flatMap(p -> p.items().stream()).filter(i -> i.role() == ActionRole.COOPERATING)
                .count();
    }

    public boolean isEmpty() {
        return plans.isEmpty();
    }
}
