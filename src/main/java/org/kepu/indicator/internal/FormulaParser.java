package org.kepu.indicator.internal;

import java.math.BigDecimal;
import org.kepu.indicator.internal.Formula.Bin;
import org.kepu.indicator.internal.Formula.Expr;
import org.kepu.indicator.internal.Formula.Neg;
import org.kepu.indicator.internal.Formula.Num;
import org.kepu.indicator.internal.Formula.Ref;

/**
 * A small recursive-descent parser for indicator formulas, safe by construction (no evaluation of code):
 *
 * <pre>
 * expr   := term (('+' | '-') term)*
 * term   := factor (('*' | '/') factor)*
 * factor := ('+' | '-') factor | number | code | '(' expr ')'
 * code   := [a-z][a-z0-9_]*
 * </pre>
 *
 * Full-width characters typed with a Chinese input method are accepted: （ ） ＋ － × ÷ ＊ ／ and full-width digits.
 * Errors carry the 1-based character position in Chinese messages.
 */
public final class FormulaParser {

    public static final int MAX_LENGTH = 500;

    private final String s;
    private int pos;

    private FormulaParser(String s) {
        this.s = s;
    }

    public static Formula parse(String text) {
        String t = normalize(text == null ? "" : text).strip();
        if (t.isEmpty()) {
            throw new FormulaException("indicator.formula.empty");
        }
        if (t.length() > MAX_LENGTH) {
            throw new FormulaException("indicator.formula.tooLong", MAX_LENGTH);
        }
        FormulaParser p = new FormulaParser(t);
        Expr e = p.expr();
        p.skipSpace();
        if (p.pos < t.length()) {
            char c = t.charAt(p.pos);
            if (c == ')') {
                throw new FormulaException("indicator.formula.unbalanced", p.pos + 1);
            }
            throw new FormulaException("indicator.formula.unexpected", p.pos + 1, String.valueOf(c));
        }
        return new Formula(t, e);
    }

    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                case '＋' -> '+';
                case '－', '—' -> '-';
                case '×', '＊' -> '*';
                case '÷', '／' -> '/';
                case '．' -> '.';
                case '\u3000' -> ' ';
                default -> c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c;
            });
        }
        return b.toString();
    }

    private Expr expr() {
        Expr left = term();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                char op = s.charAt(pos++);
                left = new Bin(op, left, term());
            } else {
                return left;
            }
        }
    }

    private Expr term() {
        Expr left = factor();
        while (true) {
            skipSpace();
            if (peek('*') || peek('/')) {
                char op = s.charAt(pos++);
                left = new Bin(op, left, factor());
            } else {
                return left;
            }
        }
    }

    private Expr factor() {
        skipSpace();
        if (pos >= s.length()) {
            throw new FormulaException("indicator.formula.incomplete");
        }
        char c = s.charAt(pos);
        if (c == '-' || c == '+') {
            pos++;
            Expr operand = factor();
            return c == '-' ? new Neg(operand) : operand;
        }
        if (c == '(') {
            int open = pos;
            pos++;
            Expr inner = expr();
            skipSpace();
            if (!peek(')')) {
                throw new FormulaException("indicator.formula.unbalanced", open + 1);
            }
            pos++;
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
            int start = pos;
            while (pos < s.length() && isCodeChar(s.charAt(pos))) {
                pos++;
            }
            String code = s.substring(start, pos);
            if (!code.matches("[a-z][a-z0-9_]*")) {
                throw new FormulaException("indicator.formula.badCode", start + 1, code);
            }
            return new Ref(code, start + 1);
        }
        if (c == ')') {
            throw new FormulaException("indicator.formula.missingOperand", pos + 1);
        }
        if (c == '*' || c == '/') {
            throw new FormulaException("indicator.formula.missingOperand", pos + 1);
        }
        throw new FormulaException("indicator.formula.unexpected", pos + 1, String.valueOf(c));
    }

    private Expr number() {
        int start = pos;
        boolean dot = false;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            if (s.charAt(pos) == '.') {
                if (dot) {
                    throw new FormulaException("indicator.formula.badNumber", start + 1, s.substring(start, pos + 1));
                }
                dot = true;
            }
            pos++;
        }
        String text = s.substring(start, pos);
        if (text.equals(".") || text.length() > 30) {
            throw new FormulaException("indicator.formula.badNumber", start + 1, text);
        }
        if (pos < s.length() && isCodeChar(s.charAt(pos))) {
            throw new FormulaException("indicator.formula.unexpected", pos + 1, String.valueOf(s.charAt(pos)));
        }
        return new Num(new BigDecimal(text));
    }

    private static boolean isCodeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}
