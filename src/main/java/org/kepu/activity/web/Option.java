package org.kepu.activity.web;

/** One choice of a select: value, label and an indent level for trees. */
public record Option(String value, String label, int depth) {

    public String indented() {
        return "\u3000".repeat(Math.max(0, depth)) + label;
    }
}
