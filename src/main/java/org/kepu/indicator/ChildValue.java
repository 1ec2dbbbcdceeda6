package org.kepu.indicator;

/**
 * An indicator's value for one child division (a township of a county, a county of a city …), for rankings.
 * {@code ownLevel} marks the row of records kept at the parent division itself (本级).
 */
public record ChildValue(String divisionCode, String divisionName, boolean ownLevel, IndicatorValue value) {
}
