package org.kepu.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.kepu.indicator.TargetComparator;
import org.kepu.shared.BadRequestException;

/** What the user typed, kept as text so a bad value is shown again. */
public record BindForm(String indicatorId, String comparator, String value, String deadline) {

    long indicator() {
        try {
            return Long.parseLong(indicatorId == null ? "" : indicatorId.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("task.bind.error.indicator");
        }
    }

    TargetComparator comparatorValue() {
        try {
            return TargetComparator.valueOf(comparator == null ? "" : comparator.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("task.bind.error.comparator");
        }
    }

    BigDecimal number() {
        try {
            return new BigDecimal(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("task.bind.error.value");
        }
    }

    LocalDate date() {
        try {
            return LocalDate.parse(deadline == null ? "" : deadline.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("task.bind.error.deadline");
        }
    }

    public boolean selected(long id) {
        return String.valueOf(id).equals(indicatorId);
    }
}
