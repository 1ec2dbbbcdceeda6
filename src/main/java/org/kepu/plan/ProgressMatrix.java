package org.kepu.plan;

import java.util.List;
import java.util.Map;

/**
 * A plan's units × tasks table for one quarter: the responsible units (rows) and the tasks that have responsible
 * units (columns), each cell the unit's status on that task ({@code cells} has an entry only where the unit is lead
 * or cooperating).
 */
public record ProgressMatrix(PlanSummary plan, Quarter quarter, List<Unit> units, List<Task> tasks,
        Map<Long, Map<Long, Cell>> cells) {

    /** A responsible unit with how many of its cells are in each state. */
    public record Unit(long id, String name, Map<ProgressCell, Integer> counts) {
    }

    /** A task column: its numbering path (e.g. 二（一）1．), title and deadline. */
    public record Task(long id, String numberingPath, String title, java.time.LocalDate deadline) {
    }

    /**
     * One cell. {@code reportId} is the unit's latest report on the task up to the quarter (null when none).
     */
    public record Cell(ProgressCell status, Long reportId, Quarter reportedFor, boolean lead) {
    }

    /** The cell of a unit and a task, or null when the unit is not responsible for the task. */
    public Cell cell(long unitId, long taskId) {
        Map<Long, Cell> row = cells.get(unitId);
        return row == null ? null : row.get(taskId);
    }

    /** How many cells of the whole table are in {@code status}. */
    public int count(ProgressCell status) {
        return units.stream().mapToInt(u -> u.counts().getOrDefault(status, 0)).sum();
    }
}
