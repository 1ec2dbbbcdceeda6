package org.kepu.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.kepu.organization.ActionRole;
import org.kepu.shared.KeyGroup;

/**
 * One task of a plan.
 *
 * @param numbering the number as the document writes it ("二、", "（一）", "1．"), may be empty
 * @param numberingStyle CHINESE_COMMA, CHINESE_PAREN, ARABIC_DOT, ARABIC_PAREN, CIRCLED or NONE
 * @param numberingPath the numbers from the top down, e.g. "二（一）1．"
 * @param depth 0 for a top-level task
 * @param children the tasks under this one (empty in flat lists)
 */
public record PlanTask(long id, long planId, Long parentId, String numbering, String numberingStyle,
        String numberingPath, int sortOrder, String title, String body, LocalDate deadline, Set<KeyGroup> keyGroups,
        List<TaskUnit> units, List<TaskTarget> targets, int depth, int version, List<PlanTask> children) {

    public List<TaskUnit> leadUnits() {
        return units.stream().filter(u -> u.role() == ActionRole.LEAD).toList();
    }

    public List<TaskUnit> cooperatingUnits() {
        return units.stream().filter(u -> u.role() == ActionRole.COOPERATING).toList();
    }

    /** This task and all tasks below it, depth first. */
    public int size() {
        return 1 + children.stream().mapToInt(PlanTask::size).sum();
    }
}
