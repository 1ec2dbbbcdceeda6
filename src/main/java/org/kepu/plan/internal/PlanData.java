package org.kepu.plan.internal;

import java.time.LocalDate;
import org.kepu.plan.PlanKind;

/** The fields of a plan a user sets. Checked by {@link PlanCommands#checked}. */
public record PlanData(PlanKind kind, String title, Integer periodStart, Integer periodEnd, String issuingBody,
        String documentNumber, LocalDate issuedOn, String divisionCode) {
}
