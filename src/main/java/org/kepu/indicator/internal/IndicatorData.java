package org.kepu.indicator.internal;

/** An indicator's editable fields, as typed (checked by {@link IndicatorCommands}). */
public record IndicatorData(String code, String name, String formula, String unitOfMeasure, Integer decimals,
        String description, Integer sortOrder, Boolean active) {
}
