package org.kepu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectOptionsTest {

    private record Item(String code, String name) {
    }

    private final SelectOptions options = SelectOptions.of(
            List.of(new Item("360734100", "长宁镇"), new Item("a\"b", "<村&居>"), new Item("3", "　　澄江镇")),
            Item::code, Item::name);

    @Test
    void writesEveryOptionEscapedAndNoneSelectedWithoutAValue() {
        String none = "<option value=\"360734100\">长宁镇</option><option value=\"a&#34;b\">&lt;村&amp;居&gt;</option>"
                + "<option value=\"3\">　　澄江镇</option>";
        assertThat(options.html(null)).isEqualTo(none);
        assertThat(options.html("not-offered")).isEqualTo(none);
    }

    @Test
    void marksExactlyTheChosenOptionAfterMultiByteLabels() {
        assertThat(options.html("3")).isEqualTo("<option value=\"360734100\">长宁镇</option>"
                + "<option value=\"a&#34;b\">&lt;村&amp;居&gt;</option><option value=\"3\" selected>　　澄江镇</option>");
        assertThat(options.html("a\"b")).contains("<option value=\"a&#34;b\" selected>&lt;村&amp;居&gt;</option>")
                .containsOnlyOnce("selected");
        assertThat(options.html("360734100")).startsWith("<option value=\"360734100\" selected>长宁镇</option>")
                .containsOnlyOnce("selected");
    }

    @Test
    void writesUtf8BytesIntoTheByteOutputPagesRenderInto() {
        Utf8ByteOutput out = new Utf8ByteOutput();
        options.selected("360734100").writeTo(out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(options.html("360734100"));
    }

    @Test
    void keepsTheFirstOptionOfARepeatedValue() {
        SelectOptions twice = SelectOptions.of(List.of(new Item("1", "甲"), new Item("1", "乙")), Item::code,
                Item::name);
        assertThat(twice.html("1")).isEqualTo("<option value=\"1\" selected>甲</option><option value=\"1\">乙</option>");
    }
}
