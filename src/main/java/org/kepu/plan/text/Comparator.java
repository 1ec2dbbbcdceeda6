package org.kepu.plan.text;

/** How a target compares: 以上/不少于/达到 → AT_LEAST, 以下/不超过/控制在 → AT_MOST, otherwise EXACTLY. */
public enum Comparator {
    AT_LEAST,
    AT_MOST,
    EXACTLY
}
