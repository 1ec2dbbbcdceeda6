package org.kepu.plan.web;

/** A division to choose in a plan form; {@code depth} indents it under its parent. */
public record DivisionOption(String value, String label, int depth) {

    public String indented() {
        return "\u3000".repeat(depth) + label;
    }
}
