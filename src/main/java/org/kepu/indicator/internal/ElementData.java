package org.kepu.indicator.internal;

import java.util.Map;

/** A data element's editable fields, as typed (checked by {@link ElementCommands}). */
public record ElementData(String code, String name, String source, String aggregation, String measure,
        Map<String, String> filters, String description) {
}
