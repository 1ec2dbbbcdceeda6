package org.kepu.indicator.web;

import org.kepu.indicator.Indicator;
import org.kepu.indicator.internal.IndicatorData;
import org.kepu.shared.BadRequestException;

/** The indicator form as typed. */
public record IndicatorForm(String code, String name, String formula, String unitOfMeasure, String decimals,
        String description, String sortOrder, String active, Integer version) {

    static IndicatorForm empty() {
        return new IndicatorForm("", "", "", "", "0", "", "100", "on", 0);
    }

    static IndicatorForm of(Indicator i) {
        return new IndicatorForm(i.code(), i.name(), i.formula(), i.unitOfMeasure(),
                Integer.toString(i.decimals()), i.description() == null ? "" : i.description(),
                Integer.toString(i.sortOrder()), i.active() ? "on" : "", i.version());
    }

    IndicatorData toData() {
        return new IndicatorData(code, name, formula, unitOfMeasure, number(decimals, "indicator.error.decimals"),
                description, number(sortOrder, "indicator.error.sortOrder"), active != null && !active.isBlank());
    }

    static Integer number(String s, String error) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (!s.strip().matches("\\d{1,4}")) {
            throw new BadRequestException(error);
        }
        return Integer.valueOf(s.strip());
    }
}
