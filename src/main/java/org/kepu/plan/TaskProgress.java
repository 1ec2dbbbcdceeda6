package org.kepu.plan;

/** Where a unit says a task stands in a progress report: 未开始 / 按计划推进 / 滞后 / 已完成. */
public enum TaskProgress {
    NOT_STARTED,
    ON_TRACK,
    BEHIND,
    DONE;

    /** The value for a form field, or null when blank or unknown. */
    public static TaskProgress parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
