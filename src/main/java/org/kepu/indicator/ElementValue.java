package org.kepu.indicator;

import java.math.BigDecimal;

/** A data element's value behind an indicator, with the list of records behind it. */
public record ElementValue(String code, String name, String sourceName, BigDecimal value, String link) {
}
