package org.kepu.indicator.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.kepu.indicator.Target;
import org.kepu.indicator.TargetComparator;
import org.kepu.indicator.TargetInput;
import org.kepu.shared.BadRequestException;

/** The target form as typed. */
public record TargetForm(String indicator, String division, String comparator, String targetValue, String deadline,
        String startDate, String baseline, String sourceNote, Integer version) {

    static TargetForm of(Target t) {
        return new TargetForm(Long.toString(t.indicatorId()), t.divisionCode(), t.comparator().name(),
                t.targetValue().stripTrailingZeros().toPlainString(), t.deadline().toString(),
                t.startDate().toString(), t.baseline().stripTrailingZeros().toPlainString(),
                t.sourceNote() == null ? "" : t.sourceNote(), t.version());
    }

    TargetInput toInput() {
        long ind;
        try {
            ind = Long.parseLong(indicator == null ? "" : indicator.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("indicator.target.error.indicator");
        }
        TargetComparator c;
        try {
            c = TargetComparator.valueOf(comparator == null ? "" : comparator.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("indicator.target.error.comparator");
        }
        BigDecimal value = number(targetValue, "indicator.target.error.value", false);
        LocalDate dl = date(deadline, "indicator.target.error.deadline", false);
        return new TargetInput(ind, division, date(startDate, "indicator.target.error.start", true),
                number(baseline, "indicator.target.error.value", true), dl, c, value, sourceNote);
    }

    static BigDecimal number(String s, String error, boolean optional) {
        String t = s == null ? "" : s.strip().replace(",", "").replace("，", "");
        if (t.isEmpty()) {
            if (optional) {
                return null;
            }
            throw new BadRequestException(error);
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new BadRequestException(error);
        }
    }

    static LocalDate date(String s, String error, boolean optional) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            if (optional) {
                return null;
            }
            throw new BadRequestException(error);
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(error);
        }
    }
}
