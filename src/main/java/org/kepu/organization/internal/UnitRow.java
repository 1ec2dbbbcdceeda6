package org.kepu.organization.internal;

/** A member unit as lists show it. */
public record UnitRow(long id, String divisionCode, String divisionPath, String name, String shortName,
        String unitType, boolean active, int sortOrder, int version, int liaisonCount, String leadGroups,
        String cooperatingGroups) {
}
