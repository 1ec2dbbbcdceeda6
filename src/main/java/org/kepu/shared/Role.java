package org.kepu.shared;

/** The roles of DESIGN §1. An account has exactly one role; the three platform admins are separate people. */
public enum Role {
    OFFICE_ADMIN,
    UNIT_LIAISON,
    UNIT_HEAD,
    TOWNSHIP_ADMIN,
    VILLAGE_RECORDER,
    TEAM_LEADER,
    VOLUNTEER,
    LEADER,
    EVALUATOR,
    SYS_ADMIN,
    SEC_ADMIN,
    AUDIT_ADMIN;

    /** Roles that see records but never change them. */
    public boolean readOnly() {
        return this == LEADER || this == EVALUATOR;
    }

    /** Roles whose scope is a division subtree (as opposed to a member unit or a person). */
    public boolean divisionScoped() {
        return this == OFFICE_ADMIN || this == TOWNSHIP_ADMIN || this == VILLAGE_RECORDER || this == LEADER
                || this == EVALUATOR;
    }

    /** Roles that work on the platform itself and see no business records. */
    public boolean platformAdmin() {
        return this == SYS_ADMIN || this == SEC_ADMIN || this == AUDIT_ADMIN;
    }

    /** Roles that may verify or return submitted activities. */
    public boolean verifier() {
        return this == OFFICE_ADMIN || this == TOWNSHIP_ADMIN;
    }
}
