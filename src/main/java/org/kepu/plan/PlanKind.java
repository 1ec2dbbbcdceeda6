package org.kepu.plan;

/** The kind of a plan; labels under {@code plan.kind.<NAME>}. */
public enum PlanKind {
    /** 实施方案/规划, usually over several years (seed 004: 2021—2025). */
    IMPLEMENTATION_PLAN,
    /** 年度工作要点 (seed 003). */
    ANNUAL_POINTS,
    /** 专项方案, e.g. a 科技活动周 plan. */
    SPECIAL_PLAN;

    /** The kind named by a parser hint or a form value; null when it names none. */
    public static PlanKind parse(String s) {
        if (s == null) {
            return null;
        }
        for (PlanKind k : values()) {
            if (k.name().equals(s.strip())) {
                return k;
            }
        }
        return null;
    }
}
