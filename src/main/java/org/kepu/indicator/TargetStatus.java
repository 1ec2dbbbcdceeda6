package org.kepu.indicator;

/**
 * Where a target stands against the linear expected progress from its start (date, baseline) to its deadline
 * (date, target value). See {@code TargetRules} for the exact rules.
 */
public enum TargetStatus {
    /** 已完成: the target value is reached (for AT_MOST and EXACTLY: at the deadline). */
    ACHIEVED,
    /** 进度正常: at or ahead of the expected progress. */
    ON_TRACK,
    /** 进度滞后: behind, but within the tolerance (by default at least 80 % of the expected progress). */
    AT_RISK,
    /** 严重滞后: further behind, or the deadline passed without reaching the target. */
    BEHIND,
    /** 无法计算: the indicator has no value (e.g. a division by zero). */
    NO_VALUE
}
