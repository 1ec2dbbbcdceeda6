/**
 * Reads a plan's official text (pasted, .txt or .docx) into a {@link org.kepu.plan.text.ParsedPlan}: the task tree
 * from the document's own Chinese numbering, the lead and responsible units named in each task, and the numeric
 * targets written in the text. Pure Java, no database: matching names to member units happens later, in the
 * import preview.
 */
package org.kepu.plan.text;
