package org.kepu.plan;

import java.util.Set;

/** 草稿 → 执行中 → 已结束; a closed plan can be reopened, a plan in force set back to draft. */
public enum PlanStatus {
    DRAFT,
    IN_FORCE,
    CLOSED;

    /** The statuses this one may change to. */
    public Set<PlanStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(IN_FORCE);
            case IN_FORCE -> Set.of(CLOSED, DRAFT);
            case CLOSED -> Set.of(IN_FORCE);
        };
    }

    public static PlanStatus parse(String s) {
        if (s == null) {
            return null;
        }
        for (PlanStatus k : values()) {
            if (k.name().equals(s.strip())) {
                return k;
            }
        }
        return null;
    }
}
