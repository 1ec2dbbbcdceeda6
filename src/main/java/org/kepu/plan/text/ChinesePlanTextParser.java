package org.kepu.plan.text;

import java.util.ArrayList;
import java.util.List;
import org.kepu.plan.text.TaskTreeBuilder.Node;
import org.kepu.plan.text.TextLines.Line;
import org.springframework.stereotype.Component;

/**
 * Reads a Chinese official plan document into a task tree (see docs/plan-import.md).
 *
 * <ol>
 *   <li>Everything before the first numbered line is the letter (document number, 通知 header, addressee, 印发
 *       sentence, date, title, introduction): read for the plan's fields, left out of the tree. Closing lines
 *       ("…办公室 2024年7月31日印发", 抄送) are left out too.</li>
 *   <li>The numbered lines build the tree ({@link TaskTreeBuilder}); plain lines continue the current item.</li>
 *   <li>Each item's unit lists are read and removed from its text ({@link UnitLists}), its title is its first
 *       sentence or heading line, and its numeric targets are proposed ({@link TargetFinder}).</li>
 * </ol>
 * A text without any numbering gives one NONE item per paragraph and a warning. The parser never throws.
 */
@Component
public class ChinesePlanTextParser implements PlanTextParser {

    /** Longer texts are cut (a plan is a few hundred kB at most). */
    static final int MAX_CHARS = 5 * 1024 * 1024;
    private static final int HEADER_LINES_WITHOUT_NUMBERING = 12;

    @Override
    public ParsedPlan parse(String text) {
        Warnings warnings = new Warnings();
        String source = text == null ? "" : text;
        try {
            return parse(source, warnings);
        } catch (RuntimeException | StackOverflowError e) {
            Warnings fallback = new Warnings();
            fallback.add("无法按编号解析这份文本，已逐段列出，请在预览中调整");
            return flat(source, fallback);
        }
    }

    private ParsedPlan parse(String text, Warnings warnings) {
        String source = text;
        if (source.length() > MAX_CHARS) {
            source = source.substring(0, MAX_CHARS);
            warnings.add("文本过长，只读取了前 " + MAX_CHARS + " 个字符");
        }
        List<Line> lines = TextLines.split(TextLines.clean(source));
        int first = -1;
        List<Numbering.Match> matches = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Numbering.Match m = Numbering.match(lines.get(i).text());
            matches.add(m);
            if (m != null && first < 0) {
                first = i;
            }
        }
        if (lines.stream().allMatch(Line::blank)) {
            warnings.add("文本为空");
            return new ParsedPlan(null, null, null, null, null, null, PlanHeader.SPECIAL_PLAN, List.of(),
                    warnings.list());
        }
        if (first < 0) {
            return withoutNumbering(lines, warnings);
        }
        int end = closingStart(lines, first);
        PlanHeader.Info header = PlanHeader.read(lines.subList(0, first), lines.subList(end, lines.size()));
        reportPreamble(lines.subList(0, first), warnings);
        TaskTreeBuilder builder = new TaskTreeBuilder(warnings);
        for (int i = first; i < end; i++) {
            Numbering.Match m = matches.get(i);
            if (m != null) {
                builder.numbered(lines.get(i), m);
            } else {
                builder.plain(lines.get(i));
            }
        }
        List<ParsedTask> tasks = convert(builder.roots(), header, warnings);
        return plan(header, tasks, warnings);
    }

    /** No numbering at all: one NONE item per paragraph, without the letter's header lines. */
    private ParsedPlan withoutNumbering(List<Line> lines, Warnings warnings) {
        int end = closingStart(lines, 0);
        List<Line> head = new ArrayList<>();
        for (Line l : lines.subList(0, end)) {
            if (!l.blank() && head.size() < HEADER_LINES_WITHOUT_NUMBERING) {
                head.add(l);
            }
        }
        PlanHeader.Info header = PlanHeader.read(head, lines.subList(end, lines.size()));
        warnings.add("未识别到编号（一、/（一）/1．/（1）/①），已按段落逐条列出，请在预览中调整层级");
        List<Node> nodes = new ArrayList<>();
        for (Line l : lines.subList(0, end)) {
            if (!l.blank() && !header.usedLines().contains(l.number())) {
                Node node = new Node(NumberingStyle.NONE, "", 0, l.number(), false);
                node.lines.add(l);
                nodes.add(node);
            }
        }
        return plan(header, convert(nodes, header, warnings), warnings);
    }

    private static ParsedPlan flat(String text, Warnings warnings) {
        List<ParsedTask> tasks = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length && i < 100_000; i++) {
            String t = lines[i].strip();
            if (!t.isEmpty()) {
                String title = t.length() > 50 ? t.substring(0, 50) : t;
                tasks.add(new ParsedTask("", NumberingStyle.NONE, title, t, List.of(), List.of(), List.of(), i + 1,
                        List.of()));
            }
        }
        return new ParsedPlan(null, null, null, null, null, null, PlanHeader.SPECIAL_PLAN, List.copyOf(tasks),
                warnings.list());
    }

    private static ParsedPlan plan(PlanHeader.Info h, List<ParsedTask> tasks, Warnings warnings) {
        return new ParsedPlan(h.title(), h.documentNumber(), h.issuingBody(), h.issuedOn(), h.periodStart(),
                h.periodEnd(), h.kindHint(), tasks, warnings.list());
    }

    /** Index of the first of the closing lines at the end (signature, date, 印发, 抄送), or lines.size(). */
    private static int closingStart(List<Line> lines, int first) {
        int end = lines.size();
        boolean closing = false;
        for (int i = lines.size() - 1; i > first; i--) {
            String t = lines.get(i).text();
            if (t.isEmpty()) {
                continue;
            }
            boolean signature = closing && TextLines.headingLike(t) && PlanHeader.looksLikeOrg(t);
            if (PlanHeader.closingLine(t) || signature) {
                closing = true;
                end = i;
            } else {
                break;
            }
        }
        return end;
    }

    private static void reportPreamble(List<Line> preamble, Warnings warnings) {
        Line firstLine = null;
        Line lastLine = null;
        for (Line l : preamble) {
            if (!l.blank()) {
                firstLine = firstLine == null ? l : firstLine;
                lastLine = l;
            }
        }
        if (firstLine != null) {
            warnings.add("第 " + firstLine.number() + "—" + lastLine.number() + " 行为文件头、标题和引言，未列入任务");
        }
    }

    private static List<ParsedTask> convert(List<Node> nodes, PlanHeader.Info header, Warnings warnings) {
        List<ParsedTask> tasks = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            tasks.add(convert(node, header, warnings));
        }
        return List.copyOf(tasks);
    }

    private static ParsedTask convert(Node node, PlanHeader.Info header, Warnings warnings) {
        List<String> texts = new ArrayList<>();
        for (Line l : node.lines) {
            if (!l.blank()) {
                texts.add(l.text());
            }
        }
        String raw = String.join("\n", texts);
        List<ParsedTask> children = convert(node.children, header, warnings);
        if (node.part) {
            String title = node.partTitle.isEmpty() ? "附件" : node.partTitle;
            return new ParsedTask("", NumberingStyle.NONE, title, raw, List.of(), List.of(), List.of(), node.line,
                    children);
        }
        String text = raw;
        List<String> leads = List.of();
        List<String> cooperating = List.of();
        if (!node.suppressUnits) {
            UnitLists.Result units = UnitLists.extract(raw);
            text = units.text();
            leads = units.leads();
            cooperating = units.cooperating();
            for (String problem : units.problems()) {
                warnings.add(node.line, problem);
            }
        }
        List<TargetProposal> targets = TargetFinder.find(text, header.periodStart(), header.periodEnd());
        return new ParsedTask(node.numbering, node.style, Titles.of(text), text, leads, cooperating,
                List.copyOf(targets), node.line, children);
    }
}
