package org.kepu.indicator.web;

/** A division on the way from the top of the scope to the area, or one of the area's children. */
public record AreaLink(String code, String name) {
}
