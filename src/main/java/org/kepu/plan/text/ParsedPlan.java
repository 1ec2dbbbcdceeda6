package org.kepu.plan.text;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan's official text read into a tree. Every field the parser could not find is null (or empty); the parser
 * never throws on unknown layouts: the worst case is a flat list of NONE items with a warning.
 *
 * @param title e.g. 寻乌县全民科学素质行动规划纲要实施方案（2021—2025年）
 * @param documentNumber e.g. 寻府办字〔2022〕5号
 * @param issuingBody e.g. 寻乌县人民政府办公室
 * @param issuedOn the date of issue
 * @param periodStart first year of the plan's period (2021 for "（2021—2025年）", 2024 for "2024年…工作要点")
 * @param periodEnd last year of the plan's period
 * @param kindHint IMPLEMENTATION_PLAN (实施方案/规划), ANNUAL_POINTS (工作要点) or SPECIAL_PLAN, from the title
 * @param tasks the top-level items
 * @param warnings messages in Chinese for the preview (e.g. "第 12 行：无法识别的编号，已作为普通段落保留")
 */
public record ParsedPlan(String title, String documentNumber, String issuingBody, LocalDate issuedOn,
        Integer periodStart, Integer periodEnd, String kindHint, List<ParsedTask> tasks, List<String> warnings) {
}
