package org.kepu.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kepu.indicator.internal.FormulaEvaluator.Val;

class FormulaTest {

    static Val eval(String formula, Map<String, String> values) {
        return FormulaEvaluator.evaluate(FormulaParser.parse(formula), c -> values.containsKey(c)
                ? Val.of(new BigDecimal(values.get(c))) : Val.none("indicator.value.unknownCode", c));
    }

    @Test
    void precedenceParenthesesAndUnaryMinus() {
        assertThat(eval("1 + 2 * 3", Map.of()).value()).isEqualByComparingTo("7");
        assertThat(eval("(1 + 2) * 3", Map.of()).value()).isEqualByComparingTo("9");
        assertThat(eval("10 - 4 - 3", Map.of()).value()).isEqualByComparingTo("3");
        assertThat(eval("12 / 4 / 3", Map.of()).value()).isEqualByComparingTo("1");
        assertThat(eval("-a + 5", Map.of("a", "2")).value()).isEqualByComparingTo("3");
        assertThat(eval("villages_reached / villages * 100", Map.of("villages_reached", "3", "villages", "8"))
                .value()).isEqualByComparingTo("37.5");
        assertThat(eval("1 / 3", Map.of()).value().toPlainString()).startsWith("0.3333333333");
    }

    @Test
    void fullWidthCharactersFromAChineseKeyboardAreAccepted() {
        assertThat(eval("（a＋１）×２÷４", Map.of("a", "3")).value()).isEqualByComparingTo("2");
    }

    @Test
    void divisionByZeroIsNoValueWithTheDenominator() {
        Val v = eval("participants / (population - population)", Map.of("participants", "5", "population", "9"));
        assertThat(v.present()).isFalse();
        assertThat(v.reasonKey()).isEqualTo("indicator.value.divisionByZero");
        assertThat(v.reasonArgs()).containsExactly("(population - population)");
        assertThat(eval("a / b", Map.of("a", "1", "b", "0")).reasonArgs()).containsExactly("b");
    }

    @Test
    void codesInOrderOfAppearance() {
        assertThat(FormulaParser.parse("b + a * (b - c)").codes()).containsExactly("b", "a", "c");
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertError("", "indicator.formula.empty");
        assertError("   ", "indicator.formula.empty");
        assertError("a +", "indicator.formula.incomplete");
        assertError("a * / b", "indicator.formula.missingOperand", 5);
        assertError("(a + b", "indicator.formula.unbalanced", 1);
        assertError("a + b)", "indicator.formula.unbalanced", 6);
        assertError("a + $", "indicator.formula.unexpected", 5, "$");
        assertError("a b", "indicator.formula.unexpected", 3, "b");
        assertError("Activities", "indicator.formula.badCode", 1, "Activities");
        assertError("1.2.3", "indicator.formula.badNumber", 1, "1.2.");
        assertError("2a", "indicator.formula.unexpected", 2, "a");
        assertError("a".repeat(501), "indicator.formula.tooLong", 500);
    }

    static void assertError(String formula, String key, Object... args) {
        assertThatThrownBy(() -> FormulaParser.parse(formula)).isInstanceOfSatisfying(FormulaException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.args()).containsExactly(args);
        });
    }
}
