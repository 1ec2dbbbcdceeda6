package org.kepu.organization;

/** The kind of a member unit; labels under {@code unit.type.<NAME>}. */
public enum UnitType {
    PARTY,
    GOVERNMENT,
    PEOPLES_ORGANIZATION,
    PUBLIC_INSTITUTION,
    OTHER
}
