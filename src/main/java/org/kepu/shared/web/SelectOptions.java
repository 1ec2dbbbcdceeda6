package org.kepu.shared.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The {@code <option>} elements of a select, escaped and encoded as UTF-8 once, then written into pages with one
 * of them selected. For long choice lists that every request of a page shows and that change rarely (a county's
 * 200-odd townships and villages in the activity list's filter), which a flight recording showed as most of the
 * list page's rendering when they were written option by option (docs/PERFORMANCE.md). Build one where the choices
 * are cached, not per request.
 *
 * <p>Each option is {@code <option value="V">LABEL</option>}, the selected one
 * {@code <option value="V" selected>LABEL</option>}, value and label escaped as jte escapes them. A value that is
 * not among the options selects nothing.
 */
public final class SelectOptions {

    private static final byte[] SELECTED = " selected".getBytes(UTF_8);

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
        ByteArrayOutputStream html = new ByteArrayOutputStream(items.size() * 64);
        Map<String, Integer> markAt = new HashMap<>();
        for (T item : items) {
            String v = value.apply(item);
            html.writeBytes(("<option value=\"" + escaped(v, Escape::htmlAttribute) + "\"").getBytes(UTF_8));
            markAt.putIfAbsent(v, html.size());
            html.writeBytes((">" + escaped(label.apply(item), Escape::htmlContent) + "</option>").getBytes(UTF_8));
        }
        return new SelectOptions(html.toByteArray(), Map.copyOf(markAt));
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
        StringOutput out = new StringOutput(); // decodes the bytes it is given as UTF-8
        selected(value).writeTo(out);
        return out.toString();
    }

    private void write(TemplateOutput output, int mark) {
        output.writeBinaryContent(Arrays.copyOfRange(html, 0, mark));
        output.writeBinaryContent(SELECTED);
        output.writeBinaryContent(Arrays.copyOfRange(html, mark, html.length));
    }

    private static String escaped(String s, BiConsumer<String, TemplateOutput> escape) {
        StringOutput out = new StringOutput();
        escape.accept(s, out);
        return out.toString();
    }
}
