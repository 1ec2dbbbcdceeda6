package org.kepu.plan.text;

import java.math.BigDecimal;

/**
 * A numeric target the parser found in a task's text, for the user to bind to an indicator.
 *
 * @param subject what is counted, as written (e.g. "省级科普（教育）基地", "农民教育培训", "人均科普经费")
 * @param quantity the number, with 万/千 expanded (3万 → 30000) and percentages as written (60% → 60)
 * @param unitOfMeasure the unit as written: 家, 人次, 个, 元, %, 名 …
 * @param comparator 以上 → AT_LEAST and so on
 * @param deadlineYear the year the sentence or the plan's period gives (到2025年 → 2025), or null
 * @param sentence the whole sentence the target came from, for the user to check
 */
public record TargetProposal(String subject, BigDecimal quantity, String unitOfMeasure, Comparator comparator,
        Integer deadlineYear, String sentence) {
}
