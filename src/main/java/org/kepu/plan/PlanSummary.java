package org.kepu.plan;

import java.time.LocalDate;

/**
 * A plan without its tasks.
 *
 * @param divisionName the name of the division the plan belongs to (寻乌县)
 * @param taskCount the number of tasks at all levels
 */
public record PlanSummary(long id, PlanKind kind, String title, Integer periodStart, Integer periodEnd,
        String issuingBody, String documentNumber, LocalDate issuedOn, PlanStatus status, String divisionCode,
        String divisionPath, String divisionName, int taskCount, int version) {

    /** "2021—2025年", "2024年" or empty. */
    public String period() {
        if (periodStart == null && periodEnd == null) {
            return "";
        }
        if (periodStart == null || periodEnd == null || periodStart.equals(periodEnd)) {
            return (periodStart != null ? periodStart : periodEnd) + "年";
        }
        return periodStart + "—" + periodEnd + "年";
    }
}
