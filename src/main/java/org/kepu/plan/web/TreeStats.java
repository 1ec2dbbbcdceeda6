package org.kepu.plan.web;

import java.util.List;
import org.kepu.plan.PlanTask;
import org.kepu.plan.internal.PlanReads;

/** What the tree page shows besides the plan: counts over all tasks. */
public record TreeStats(int tasks, int unitLinks, int unlinkedNames, int targets) {

    static TreeStats of(List<PlanTask> tree) {
        List<PlanTask> flat = PlanReads.flatten(tree);
        int links = flat.stream().mapToInt(t -> t.units().size()).sum();
        int unlinked = (int) flat.stream().flatMap(t -> t.units().stream()).filter(u -> !u.linked()).count();
        int targets = flat.stream().mapToInt(t -> t.targets().size()).sum();
        return new TreeStats(flat.size(), links, unlinked, targets);
    }
}
