package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import org.kepu.indicator.internal.Formula.Bin;
import org.kepu.indicator.internal.Formula.Expr;
import org.kepu.indicator.internal.Formula.Neg;
import org.kepu.indicator.internal.Formula.Num;
import org.kepu.indicator.internal.Formula.Ref;

/**
 * Evaluates a formula with exact decimals (16 significant digits for divisions). A division by zero or a missing
 * operand gives no value with a reason instead of an exception.
 */
public final class FormulaEvaluator {

    static final MathContext MC = MathContext.DECIMAL64;

    private FormulaEvaluator() {
    }

    /** Supplies the value of a code (element, indicator or attribute). */
    @FunctionalInterface
    public interface Resolver {
        Val resolve(String code);
    }

    /** A value, or none with a reason (message key and arguments from indicator.properties). */
    public record Val(BigDecimal value, String reasonKey, Object[] reasonArgs) {

        public static Val of(BigDecimal v) {
            return new Val(v, null, null);
        }

        public static Val none(String key, Object... args) {
            return new Val(null, key, args);
        }

        public boolean present() {
            return value != null;
        }
    }

    public static Val evaluate(Formula f, Resolver resolver) {
        return eval(f.root(), resolver);
    }

    private static Val eval(Expr e, Resolver r) {
        if (e instanceof Num n) {
            return Val.of(n.value());
        }
        if (e instanceof Ref ref) {
            return r.resolve(ref.code());
        }
        if (e instanceof Neg n) {
            Val v = eval(n.operand(), r);
            return v.present() ? Val.of(v.value().negate()) : v;
        }
        Bin b = (Bin) e;
        Val left = eval(b.left(), r);
        if (!left.present()) {
            return left;
        }
        Val right = eval(b.right(), r);
        if (!right.present()) {
            return right;
        }
        return switch (b.op()) {
            case '+' -> Val.of(left.value().add(right.value()));
            case '-' -> Val.of(left.value().subtract(right.value()));
            case '*' -> Val.of(left.value().multiply(right.value(), MC));
            default -> right.value().signum() == 0
                    ? Val.none("indicator.value.divisionByZero", render(b.right()))
                    : Val.of(left.value().divide(right.value(), MC));
        };
    }

    /** The expression as text, e.g. for "分母 population 为 0". */
    static String render(Expr e) {
        if (e instanceof Num n) {
            return n.value().toPlainString();
        }
        if (e instanceof Ref r) {
            return r.code();
        }
        if (e instanceof Neg n) {
            return "-" + render(n.operand());
        }
        Bin b = (Bin) e;
        return "(" + render(b.left()) + " " + b.op() + " " + render(b.right()) + ")";
    }
}
