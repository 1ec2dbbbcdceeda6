package org.kepu.plan.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.kepu.plan.PlanKind;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.internal.PlanData;
import org.kepu.shared.BadRequestException;

/** The plan form: fields as typed and the version read. */
public record PlanForm(String kind, String title, String periodStart, String periodEnd, String issuingBody,
        String documentNumber, String issuedOn, String divisionCode, Integer version) {

    static PlanForm empty(String divisionCode) {
        return new PlanForm(PlanKind.IMPLEMENTATION_PLAN.name(), "", "", "", "", "", "", divisionCode, 0);
    }

    static PlanForm of(PlanSummary p) {
        return new PlanForm(p.kind().name(), p.title(), str(p.periodStart()), str(p.periodEnd()),
                nz(p.issuingBody()), nz(p.documentNumber()), p.issuedOn() == null ? "" : p.issuedOn().toString(),
                p.divisionCode(), p.version());
    }

    PlanData toData() {
        PlanKind k = PlanKind.parse(kind);
        if (k == null) {
            throw new BadRequestException("plan.error.kind");
        }
        return new PlanData(k, title, year(periodStart), year(periodEnd), issuingBody, documentNumber,
                date(issuedOn), divisionCode);
    }

    static Integer year(String s) {
        String v = s == null ? "" : s.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("\\d{4}")) {
            throw new BadRequestException("plan.error.year");
        }
        return Integer.valueOf(v);
    }

    static LocalDate date(String s) {
        String v = s == null ? "" : s.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("plan.error.issuedOn");
        }
    }

    private static String str(Integer i) {
        return i == null ? "" : i.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
