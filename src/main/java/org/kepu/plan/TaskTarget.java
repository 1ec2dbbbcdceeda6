package org.kepu.plan;

import java.math.BigDecimal;

/**
 * A numeric target written in a task's text (国家级科普（教育）基地1家; 农民教育培训5000人次以上).
 *
 * @param comparator AT_LEAST (以上/不少于/达到), AT_MOST (以下/不超过) or EXACTLY
 * @param boundTargetId the indicator module's target this proposal was bound to, or null
 */
public record TaskTarget(long id, long taskId, String subject, BigDecimal quantity, String unitOfMeasure,
        String comparator, Integer deadlineYear, String sentence, Long boundTargetId) {

    /** "1家", "5000人次以上", "60%以上". */
    public String shown() {
        String q = quantity.stripTrailingZeros().toPlainString();
        String suffix = switch (comparator) {
            case "AT_LEAST" -> "以上";
            case "AT_MOST" -> "以下";
            default -> "";
        };
        return q + (unitOfMeasure == null ? "" : unitOfMeasure) + suffix;
    }
}
