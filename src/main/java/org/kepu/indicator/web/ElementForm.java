package org.kepu.indicator.web;

import java.util.Map;
import org.kepu.indicator.internal.ElementData;

/** The form as typed: {@code aggregate} is {@code COUNT} or {@code SUM:participants_total} and so on. */
public record ElementForm(String code, String name, String source, String aggregate, Map<String, String> filters,
        String description, Integer version) {

    public ElementForm {
        filters = filters == null ? Map.of() : filters;
    }

    ElementData toData() {
        String a = aggregate == null ? "" : aggregate;
        int colon = a.indexOf(':');
        return new ElementData(code, name, source, colon < 0 ? a : a.substring(0, colon),
                colon < 0 ? null : a.substring(colon + 1), filters, description);
    }

    public String filter(String dimension) {
        return filters.getOrDefault(dimension, "");
    }
}
