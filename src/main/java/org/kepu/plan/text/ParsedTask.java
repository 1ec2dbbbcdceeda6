package org.kepu.plan.text;

import java.util.List;

/**
 * One numbered item of a plan as the parser read it.
 *
 * @param numbering the number as written ("一、", "（一）", "1．", "（1）", "①"), empty for NONE
 * @param style the numbering style
 * @param title the item's heading: the first sentence or the short line after the number, without the unit lists
 * @param text the item's full text without the number and without the unit-list parentheses
 * @param leadUnits unit names as written, from "（牵头部门：…）" / "牵头单位：…", or else the first name of a
 *     "（…按职责分工负责）" list
 * @param cooperatingUnits the other names of a "（…按职责分工负责）" / "（…按职责负责）" / "（…负责）" list
 * @param targets numeric targets found in the text
 * @param line the 1-based line of the source text where the item starts
 * @param children the items numbered under this one
 */
public record ParsedTask(String numbering, NumberingStyle style, String title, String text, List<String> leadUnits,
        List<String> cooperatingUnits, List<TargetProposal> targets, int line, List<ParsedTask> children) {
}
