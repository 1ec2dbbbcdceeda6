package org.kepu.indicator;

import java.util.List;

/**
 * A dimension a data element may filter on (one value per dimension), with its dictionary for the forms.
 *
 * @param code the key in the element's filters, e.g. {@code theme}
 * @param label e.g. 活动主题
 * @param options the allowed values
 * @param defaultOption the value that applies when the element sets none (shown as such), or null for "no filter"
 */
public record FilterDimension(String code, String label, List<FilterOption> options, String defaultOption) {

    /** One allowed value: its code (stored in the element) and what users read. */
    public record FilterOption(String code, String label) {
    }

    public boolean allows(String value) {
        return options.stream().anyMatch(o -> o.code().equals(value));
    }

    public String labelOf(String value) {
        return options.stream().filter(o -> o.code().equals(value)).map(FilterOption::label).findFirst()
                .orElse(value);
    }
}
