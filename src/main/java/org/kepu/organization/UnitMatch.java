package org.kepu.organization;

/**
 * A written name resolved to a member unit.
 *
 * @param unit the unit
 * @param via how the name matched
 * @param matchedText the unit's name, short name or alias the written name matched
 */
public record UnitMatch(MemberUnitRef unit, Via via, String matchedText) {

    /** NAME / SHORT_NAME / ALIAS: exactly as stored; NORMALISED: after {@link UnitNames#key} or without a 县 prefix. */
    public enum Via {
        NAME,
        SHORT_NAME,
        ALIAS,
        NORMALISED
    }
}
