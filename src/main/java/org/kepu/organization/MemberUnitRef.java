package org.kepu.organization;

/** What other modules need to know about a member unit. */
public record MemberUnitRef(long id, String name, String shortName, String divisionCode, String divisionPath,
        boolean active) {
}
