package org.kepu.indicator.web;

/** One option of the aggregate select. */
public record AggregateOption(String value, String label) {
}
