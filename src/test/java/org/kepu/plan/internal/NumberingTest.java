package org.kepu.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberingTest {

    @Test
    void typedNumbersGetTheirStyle() {
        assertThat(Numbering.styleOf("二、")).isEqualTo("CHINESE_COMMA");
        assertThat(Numbering.styleOf("（十二）")).isEqualTo("CHINESE_PAREN");
        assertThat(Numbering.styleOf("3．")).isEqualTo("ARABIC_DOT");
        assertThat(Numbering.styleOf("12.")).isEqualTo("ARABIC_DOT");
        assertThat(Numbering.styleOf("(4)")).isEqualTo("ARABIC_PAREN");
        assertThat(Numbering.styleOf("③")).isEqualTo("CIRCLED");
        assertThat(Numbering.styleOf("第一条")).isEqualTo("NONE");
        assertThat(Numbering.styleOf(null)).isEqualTo("NONE");
    }

    @Test
    void thePathDropsTheCommaOfOuterNumbersOnly() {
        assertThat(Numbering.path(List.of("二、", "（一）", "1．"))).isEqualTo("二（一）1．");
        assertThat(Numbering.path(List.of("一、"))).isEqualTo("一、");
        assertThat(Numbering.path(List.of("", "（一）", "1、"))).isEqualTo("（一）1、");
    }
}
