package org.kepu.plan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kepu.plan.text.TextLines.Line;

/**
 * Builds the task tree from numbered and plain lines. The levels come from the order in which the numbering
 * styles first appear (a document may skip a level, e.g. 一、 straight to 1．); a style already open returns to its
 * level. Where that order and the official hierarchy (一、 → （一） → 1． → （1） → ①) disagree, the official one
 * decides: "二、" after "1．" with no "一、" goes up, "（1）" under a "1．" goes down. Plain lines continue the current item. A numbering that starts again at the outermost level (一、 after
 * 四、) preceded by heading lines ("…工作领导小组成员单位职责") opens a new part of the document, as does an "附件"
 * line: the part is a NONE item whose children are numbered afresh.
 */
final class TaskTreeBuilder {

    /** An item while it is being built. */
    static final class Node {
        final NumberingStyle style;
        final String numbering;
        final int value;
        final int line;
        final List<Line> lines = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        final boolean part;
        String partTitle = "";
        boolean partHasIntro;
        boolean suppressUnits;

        Node(NumberingStyle style, String numbering, int value, int line, boolean part) {
            this.style = style;
            this.numbering = numbering;
            this.value = value;
            this.line = line;
            this.part = part;
        }
    }

    /** The root of the document or of one part: its own stack of open items and its own level order. */
    private static final class Container {
        final List<Node> roots;
        final List<Node> stack = new ArrayList<>();
        final List<NumberingStyle> order = new ArrayList<>();
        final boolean suppressUnits;
        final java.util.Map<NumberingStyle, Integer> lastValue = new java.util.EnumMap<>(NumberingStyle.class);
        NumberingStyle rootStyle;

        Container(List<Node> roots, boolean suppressUnits) {
            this.roots = roots;
            this.suppressUnits = suppressUnits;
        }
    }

    private static final Pattern ATTACHMENT = Pattern.compile("^附件\\s*[0-9一二三四五六七八九十]*\\s*(?:[:：](.*))?$");

    private final Warnings warnings;
    private final List<Node> top = new ArrayList<>();
    private Container container = new Container(top, false);
    private Node current;
    private Node collectingPart;

    TaskTreeBuilder(Warnings warnings) {
        this.warnings = warnings;
    }

    List<Node> roots() {
        return top;
    }

    void numbered(Line line, Numbering.Match m) {
        Container c = container;
        if (collectingPart == null && m.style() == c.rootStyle && m.value() == 1 && !c.roots.isEmpty()) {
            Node part = splitTrailingHeading();
            if (part != null) {
                startPart(part);
            } else {
                warnings.add(line.number(), "编号“" + m.numbering() + "”从头开始，已接在同一层级之后，请核对");
            }
        }
        Node node = new Node(m.style(), m.numbering(), m.value(), line.number(), false);
        node.lines.add(new Line(line.number(), m.rest()));
        place(container, node);
        collectingPart = null;
        current = node;
    }

    void plain(Line line) {
        if (line.blank()) {
            return;
        }
        String attachment = attachmentTitle(line.text());
        if (attachment != null && current != null) {
            Node part = new Node(NumberingStyle.NONE, "", 0, line.number(), true);
            part.partTitle = attachment;
            part.lines.add(line);
            startPart(part);
            return;
        }
        if (collectingPart != null) {
            boolean heading = TextLines.headingLike(line.text());
            if (heading && !collectingPart.partHasIntro) {
                collectingPart.partTitle += line.text();
            } else {
                collectingPart.partHasIntro = true;
            }
            collectingPart.lines.add(line);
            return;
        }
        if (current == null) {
            Node loose = new Node(NumberingStyle.NONE, "", 0, line.number(), false);
            loose.lines.add(line);
            loose.suppressUnits = container.suppressUnits;
            container.roots.add(loose);
            return;
        }
        current.lines.add(line);
    }

    /** "附件", "附件2", "附件：寻乌县…职责" → the title after the label ("" when none); null for other lines. */
    private static String attachmentTitle(String text) {
        if (text.length() > 50) {
            return null;
        }
        Matcher m = ATTACHMENT.matcher(TextLines.asciiDigits(text));
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(1) == null ? "" : TextLines.trim(m.group(1));
        if (!rest.isEmpty() && !TextLines.headingLike(rest)) {
            return null;
        }
        return text.substring(text.length() - rest.length());
    }

    private void place(Container c, Node node) {
        List<Node> stack = c.stack;
        int same = -1;
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).style == node.style) {
                same = i;
                break;
            }
        }
        if (same >= 0) {
            truncate(stack, same);
        } else if (c.order.contains(node.style)) {
            // back to the level this style took when it first appeared, unless the open item is of a style the
            // official hierarchy puts above it (1．…（1） after （1） first appeared under 一、): then nest
            int rank = c.order.indexOf(node.style);
            while (!stack.isEmpty()) {
                NumberingStyle open = stack.get(stack.size() - 1).style;
                if (c.order.indexOf(open) < rank || outer(open, node.style)) {
                    break;
                }
                stack.remove(stack.size() - 1);
            }
        } else {
            int firstPopped = stack.size();
            if (node.value > 1) {
                // "二、" after "1．" with no "一、" before it: a missing parent; put it where the outer style belongs
                while (firstPopped > 0 && outer(node.style, stack.get(firstPopped - 1).style)) {
                    firstPopped--;
                }
            }
            if (firstPopped < stack.size()) {
                int orderAt = c.order.indexOf(stack.get(firstPopped).style);
                truncate(stack, firstPopped);
                c.order.add(Math.max(orderAt, 0), node.style);
                warnings.add(node.line, "编号“" + node.numbering
                        + "”出现在下级编号之后，已按公文层级（一、→（一）→1．→（1）→①）放置，请核对");
            } else {
                c.order.add(node.style);
            }
        }
        List<Node> siblings = stack.isEmpty() ? c.roots : stack.get(stack.size() - 1).children;
        checkSequence(c, siblings, node);
        siblings.add(node);
        if (stack.isEmpty()) {
            c.rootStyle = node.style;
        }
        node.suppressUnits = c.suppressUnits;
        stack.add(node);
    }

    private static boolean outer(NumberingStyle a, NumberingStyle b) {
        return a.ordinal() < b.ordinal();
    }

    private static void truncate(List<?> list, int size) {
        while (list.size() > size) {
            list.remove(list.size() - 1);
        }
    }

    /** Numbers run 1, 2, 3 under each parent, or on across parents (seed 003: 4. follows 3. under the next 一、). */
    private void checkSequence(Container c, List<Node> siblings, Node node) {
        Integer last = c.lastValue.put(node.style, node.value);
        Node previous = null;
        for (int i = siblings.size() - 1; i >= 0; i--) {
            if (siblings.get(i).style == node.style) {
                previous = siblings.get(i);
                break;
            }
        }
        int expected = previous == null ? 1 : previous.value + 1;
        boolean continues = previous == null && last != null && node.value == last + 1;
        if (node.value != expected && !continues) {
            String should = Numbering.expected(node.style, previous == null ? node.numbering : previous.numbering, expected);
            warnings.add(node.line, "编号“" + node.numbering + "”不连续（按顺序应为“" + should + "”），请核对是否漏了条目");
        }
    }

    /**
     * The heading lines at the end of the current item ("寻乌县实施…纲要" / "工作领导小组成员单位职责"), followed by at
     * most three introduction paragraphs, become a new part; null when the item does not end that way.
     */
    private Node splitTrailingHeading() {
        if (current == null || current.lines.size() < 2) {
            return null;
        }
        List<Line> lines = current.lines;
        int k = lines.size() - 1;
        int intro = 0;
        while (k >= 1 && !TextLines.headingLike(lines.get(k).text()) && intro < 3) {
            k--;
            intro++;
        }
        int lastHeading = k;
        while (k >= 1 && TextLines.headingLike(lines.get(k).text())) {
            k--;
        }
        int firstHeading = k + 1;
        if (firstHeading > lastHeading || lastHeading < 1) {
            return null;
        }
        Node part = new Node(NumberingStyle.NONE, "", 0, lines.get(firstHeading).number(), true);
        StringBuilder title = new StringBuilder();
        for (int i = firstHeading; i <= lastHeading; i++) {
            title.append(lines.get(i).text());
        }
        part.partTitle = title.toString();
        part.partHasIntro = lastHeading < lines.size() - 1;
        part.lines.addAll(lines.subList(firstHeading, lines.size()));
        truncate(lines, firstHeading);
        return part;
    }

    private void startPart(Node part) {
        top.add(part);
        boolean duties = part.partTitle.contains("职责");
        container = new Container(part.children, duties);
        collectingPart = part;
        current = null;
        String name = part.partTitle.isEmpty() ? "附件" : part.partTitle;
        warnings.add(part.line, "“" + UnitLists.abbreviate(name) + "”起为文件的另一部分，已单独列为一节"
                + (duties ? "；其中的牵头、配合部门不读作责任单位" : ""));
    }
}
