package org.kepu.region.internal;

/** A division as the browser lists it, with the number of its direct children. */
public record DivisionRow(String code, String parentCode, String name, int level, String path, Integer population,
        String urbanRural, int version, int childCount) {
}
