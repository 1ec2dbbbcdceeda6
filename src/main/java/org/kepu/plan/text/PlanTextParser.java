package org.kepu.plan.text;

/** Reads a plan's official text. Implementations never throw on malformed text. */
public interface PlanTextParser {

    /** Parses plain text (line breaks as in the document). */
    ParsedPlan parse(String text);
}
