package org.kepu.indicator;

/** How a value is compared with a target: 以上/不少于/达到 AT_LEAST, 以下/不超过 AT_MOST, 恰好 EXACTLY. */
public enum TargetComparator {
    AT_LEAST,
    AT_MOST,
    EXACTLY
}
