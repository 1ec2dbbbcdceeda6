package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed indicator formula: numbers, codes (data elements, other indicators, division attributes), + - * /,
 * unary minus and parentheses. Built by {@link FormulaParser}; evaluated by {@link FormulaEvaluator}.
 */
public record Formula(String text, Expr root) {

    /** A node of the formula. */
    public sealed interface Expr permits Num, Ref, Neg, Bin {
    }

    public record Num(BigDecimal value) implements Expr {
    }

    /** A code; {@code position} is its 1-based character position in the text. */
    public record Ref(String code, int position) implements Expr {
    }

    public record Neg(Expr operand) implements Expr {
    }

    public record Bin(char op, Expr left, Expr right) implements Expr {
    }

    /** The codes the formula uses, in order of first appearance. */
    public List<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        collect(root, codes);
        return new ArrayList<>(codes);
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Ref r) {
            out.add(r.code());
        } else if (e instanceof Neg n) {
            collect(n.operand(), out);
        } else if (e instanceof Bin b) {
            collect(b.left(), out);
            collect(b.right(), out);
        }
    }
}
