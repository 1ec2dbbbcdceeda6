package org.kepu.shared.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code <option>} elements of a select, escaped and encoded as UTF-8 once, then written into pages with one
 * of them selected. For long choice lists that every request of a page shows and that change rarely (a county's
 * 200-odd townships and villages in the activity list's filter): rendering them option by option cost about a sixth
 * of the list page's Java time (docs/PERFORMANCE.md). Build one where the choices are cached, not per request.
 *
 * <p>Each option is {@code <option value="V">LABEL</option>}, the selected one
 * {@code <option value="V" selected>LABEL</option>}, value and label escaped as jte escapes them. A value that is
 * not among the options selects nothing.
 */
public final class SelectOptions {

    private static final byte[] SELECTED = " selected".getBytes(StandardCharsets.UTF_8);

    private final byte[] html;
    /** For each value, the offset just after its {@code value="…"} attribute, where " selected" goes. */
    private final Map<String, Integer> markAt;
    private final Content none;

    private SelectOptions(byte[] html, Map<String, Integer> markAt) {
        this.html = html;
        this.markAt = markAt;
        this.none = output -> output.writeBinaryContent(html);
    }

    /** The options for {@code items}, in their order; a value that occurs twice keeps its first option. */
    public static <T> SelectOptions of(List<T> items, Function<T, String> value, Function<T, String> label) {
        StringBuilder sb = new StringBuilder(items.size() * 48);
        Map<String, Integer> markAt = new HashMap<>();
        int bytes = 0;
        for (T item : items) {
            String v = value.apply(item);
            String start = "<option value=\"" + escapedAttribute(v) + "\"";
            bytes += utf8Length(start);
            markAt.putIfAbsent(v, bytes);
            String rest = ">" + escapedContent(label.apply(item)) + "</option>";
            bytes += utf8Length(rest);
            sb.append(start).append(rest);
        }
        byte[] html = sb.toString().getBytes(StandardCharsets.UTF_8);
        return new SelectOptions(html, Map.copyOf(markAt));
    }

    /** The options with the one whose value is {@code value} selected; none when it is null or not among them. */
    public Content selected(String value) {
        Integer at = value == null ? null : markAt.get(value);
        if (at == null) {
            return none;
        }
        int mark = at;
        return output -> write(output, mark);
    }

    /** The HTML written for {@code value}, as text (for tests and diagnostics). */
    public String html(String value) {
        StringOutput out = new StringOutput();
        TemplateOutput bytesAsText = new TemplateOutput() {
            @Override
            public void writeContent(String s) {
                out.writeContent(s);
            }

            @Override
            public void writeContent(String s, int beginIndex, int endIndex) {
                out.writeContent(s, beginIndex, endIndex);
            }

            @Override
            public void writeBinaryContent(byte[] b) {
                out.writeContent(new String(b, StandardCharsets.UTF_8));
            }
        };
        selected(value).writeTo(bytesAsText);
        return out.toString();
    }

    private void write(TemplateOutput output, int mark) {
        output.writeBinaryContent(Arrays.copyOfRange(html, 0, mark));
        output.writeBinaryContent(SELECTED);
        output.writeBinaryContent(Arrays.copyOfRange(html, mark, html.length));
    }

    private static String escapedAttribute(String s) {
        StringOutput out = new StringOutput();
        Escape.htmlAttribute(s, out);
        return out.toString();
    }

    private static String escapedContent(String s) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(s, out);
        return out.toString();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
