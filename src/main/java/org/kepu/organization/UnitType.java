package org.kepu.organization;

/** The kind of a member unit; labels under {@code unit.type.<NAME>}. */
public enum UnitType {
    PARTY,
    GOVERNMENT,
    PEOPLES_ORGANIZATION,
    PUBLIC_INSTITUTION,
    OTHER;

    /**
     * A first guess from a county body's name, for units proposed by a plan import (the office can change it):
     * 县委… and 团县委 → party, 工会/妇联/科协/工商联/社联/残联/侨联 → people's organisation, …中心 → public
     * institution, …局/委/办 → government, else other.
     */
    public static UnitType guess(String name) {
        String n = name == null ? "" : name.strip();
        if (n.matches(".*(总工会|工会|妇联|科协|工商联|社联|残联|侨联|文联|红十字会)$")) {
            return PEOPLES_ORGANIZATION;
        }
        if (n.startsWith("县委") || n.startsWith("团") || n.contains("党委")) {
            return PARTY;
        }
        if (n.endsWith("中心") || n.endsWith("院") || n.endsWith("站") || n.endsWith("馆")) {
            return PUBLIC_INSTITUTION;
        }
        if (n.endsWith("局") || n.endsWith("委") || n.endsWith("办") || n.endsWith("委员会")) {
            return GOVERNMENT;
        }
        return OTHER;
    }
}
