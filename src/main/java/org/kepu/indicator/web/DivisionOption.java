package org.kepu.indicator.web;

/** A division of the form's select, indented by its depth below the top of the scope. */
public record DivisionOption(String code, String name, int indent) {
}
