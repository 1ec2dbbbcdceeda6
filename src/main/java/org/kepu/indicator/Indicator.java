package org.kepu.indicator;

/**
 * An indicator: a formula over data elements, other indicators and division attributes ({@code population} 常住人口,
 * {@code villages} 村（社区）数, {@code townships} 乡镇（街道）数), e.g. {@code villages_reached / villages * 100}.
 *
 * @param unitOfMeasure what the value is counted in: 场, 人次, %, 个 …
 * @param decimals digits after the decimal point when shown (0–4)
 */
public record Indicator(long id, String code, String name, String formula, String unitOfMeasure, int decimals,
        String description, int sortOrder, boolean active, int version) {
}
