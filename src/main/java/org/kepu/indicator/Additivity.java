package org.kepu.indicator;

/**
 * Which sums of an aggregate's values are still the aggregate's value, i.e. what the value cache may add up.
 * Counts and sums are {@link #FULL}: the value of a county for a year is the sum over its townships and months.
 * The number of distinct villages reached is {@link #AREA}: villages of different townships are different, so
 * townships add up, but months do not (a village reached in March and in May counts once in the year). Distinct
 * member units are {@link #NONE}: one unit may work in several townships and months.
 */
public enum Additivity {
    FULL,
    AREA,
    NONE
}
