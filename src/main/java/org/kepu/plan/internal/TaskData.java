package org.kepu.plan.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.kepu.shared.KeyGroup;

/**
 * The fields of a task a user sets.
 *
 * @param parentId the task it is numbered under, or null at the top
 * @param leadUnitIds member units that lead it, in order
 * @param cooperatingUnitIds member units that cooperate, in order (a unit in both lists leads)
 * @param keepWrittenIds the ids of links to written names without a unit to keep (others are removed)
 */
public record TaskData(Long parentId, String numbering, String title, String body, LocalDate deadline,
        Set<KeyGroup> keyGroups, List<Long> leadUnitIds, List<Long> cooperatingUnitIds, Set<Long> keepWrittenIds) {
}
