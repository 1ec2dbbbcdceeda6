package org.kepu.plan.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the unit lists of one item's text and removes them from it.
 *
 * <ul>
 *   <li>"（牵头部门：…）", "（牵头单位：…；配合单位：…）", "牵头单位：…" at the start of a line or after 。/；: lead units
 *       (配合/参与配合/协办 labels: cooperating units; 责任单位/责任部门: a responsibility list, see below);</li>
 *   <li>"（X牵头，Y配合）", "（X牵头，Y按职责分工负责）": X lead, Y cooperating;</li>
 *   <li>"（…按职责分工负责）", "（…按职责负责）", "（…分工负责）", "（…负责）": a responsibility list. Without a 牵头
 *       clause in the same item, the first name of each such list is a lead unit and the others cooperate; with a
 *       牵头 clause, every listed name that is not a lead unit cooperates.</li>
 * </ul>
 * A list is only taken when every name in it looks like a unit (ends in 局/委/部/会/办/中心/…, or is a collective
 * such as 各乡镇); "（以下简称“实施方案”）" or "（由各级政府负责组织实施）" stay in the text.
 */
final class UnitLists {

    /** The text without its unit lists, the units, and messages about malformed lists. */
    record Result(String text, List<String> leads, List<String> cooperating, List<String> problems) {
    }

    private enum Kind { LEAD, COOPERATING, RESPONSIBLE }

    private record Clause(Kind kind, List<String> names) {
    }

    private static final String LEAD_LABELS = "牵头单位|牵头部门|牵头责任单位|主责单位|主责部门";
    private static final String COOP_LABELS = "参与配合部门|参与配合单位|配合单位|配合部门|参与单位|参与部门|协办单位|协助单位";
    private static final String RESP_LABELS = "责任单位|责任部门";
    private static final Set<String> LEAD_LABEL_SET = Set.of(LEAD_LABELS.split("\\|"));
    private static final Set<String> COOP_LABEL_SET = Set.of(COOP_LABELS.split("\\|"));
    private static final Pattern LABEL = Pattern.compile(
            "^(" + LEAD_LABELS + "|" + COOP_LABELS + "|" + RESP_LABELS + ")\\s*[:：]\\s*(.*)$");
    private static final Pattern LABEL_ANYWHERE = Pattern.compile(
            "(" + LEAD_LABELS + "|" + COOP_LABELS + "|" + RESP_LABELS + ")\\s*[:：]");
    private static final Pattern LEAD_THEN_OTHERS = Pattern.compile(
            "^(.+?)牵头(?:负责)?(?:[，,；;、]\\s*(.+?)(按照?职责分工负责|按照?职责负责|分工负责|共同负责|配合|参与|协助|协同|负责)?)?$");
    private static final Pattern RESPONSIBLE = Pattern.compile(
            "^(.+?)(按照?职责分工负责|按照?职责负责|按照?职能分工负责|按照?职责分工落实|分工负责|分别负责|共同负责|负责)$");
    private static final int MAX_GROUP = 400;

    private UnitLists() {
    }

    static Result extract(String text) {
        List<String> problems = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        List<int[]> cuts = new ArrayList<>();
        findParenthesised(text, clauses, cuts, problems);
        findLabelled(text, clauses, cuts);
        if (clauses.isEmpty()) {
            return new Result(text, List.of(), List.of(), problems);
        }
        String cleaned = cut(text, cuts);
        Set<String> leads = new LinkedHashSet<>();
        Set<String> coop = new LinkedHashSet<>();
        boolean hasLeadClause = clauses.stream().anyMatch(c -> c.kind() == Kind.LEAD);
        for (Clause c : clauses) {
            if (c.kind() == Kind.LEAD) {
                leads.addAll(c.names());
            }
        }
        for (Clause c : clauses) {
            switch (c.kind()) {
                case LEAD -> { }
                case COOPERATING -> coop.addAll(c.names());
                case RESPONSIBLE -> {
                    if (hasLeadClause) {
                        coop.addAll(c.names());
                    } else {
                        leads.add(c.names().get(0));
                        coop.addAll(c.names().subList(1, c.names().size()));
                    }
                }
            }
        }
        coop.removeAll(leads);
        return new Result(cleaned, List.copyOf(leads), List.copyOf(coop), problems);
    }

    private static void findParenthesised(String text, List<Clause> clauses, List<int[]> cuts, List<String> problems) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '（' && c != '(') {
                i++;
                continue;
            }
            int depth = 0;
            int close = -1;
            int limit = Math.min(n, i + MAX_GROUP);
            int j = i;
            for (; j < limit; j++) {
                char d = text.charAt(j);
                if (d == '\n') {
                    break;
                }
                if (d == '（' || d == '(') {
                    depth++;
                } else if (d == '）' || d == ')') {
                    depth--;
                    if (depth == 0) {
                        close = j;
                        break;
                    }
                }
            }
            if (close >= 0) {
                List<Clause> found = clausesOf(text.substring(i + 1, close));
                if (found != null) {
                    clauses.addAll(found);
                    cuts.add(new int[] {i, close + 1});
                }
                i = close + 1;
                continue;
            }
            boolean reachesLineEnd = j >= n || text.charAt(j) == '\n';
            if (reachesLineEnd) {
                List<Clause> found = clausesOf(text.substring(i + 1, j));
                if (found != null) {
                    clauses.addAll(found);
                    cuts.add(new int[] {i, j});
                    problems.add("括号未闭合：“" + abbreviate(text.substring(i, j)) + "”，已按责任单位读取");
                    i = j;
                    continue;
                }
            }
            i++;
        }
    }

    /** "牵头单位：县科协；配合单位：…" written without parentheses, at a line start or after 。/；. */
    private static void findLabelled(String text, List<Clause> clauses, List<int[]> cuts) {
        Matcher m = LABEL_ANYWHERE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            from = m.end();
            if (insideCut(cuts, start) || !atClauseStart(text, start)) {
                continue;
            }
            int end = start;
            while (end < text.length() && "。；;\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            List<Clause> found = clausesOf(text.substring(start, end));
            if (found == null) {
                continue;
            }
            clauses.addAll(found);
            int cutEnd = end < text.length() && text.charAt(end) != '\n' ? end + 1 : end;
            cuts.add(new int[] {start, cutEnd});
            from = cutEnd;
        }
    }

    private static boolean atClauseStart(String text, int pos) {
        int k = pos - 1;
        while (k >= 0 && TextLines.isSpace(text.charAt(k)) && text.charAt(k) != '\n') {
            k--;
        }
        return k < 0 || "。；;\n".indexOf(text.charAt(k)) >= 0;
    }

    private static boolean insideCut(List<int[]> cuts, int pos) {
        for (int[] c : cuts) {
            if (pos >= c[0] && pos < c[1]) {
                return true;
            }
        }
        return false;
    }

    /** The unit-list clauses of one parenthesis (or labelled clause), or null when it is ordinary text. */
    private static List<Clause> clausesOf(String content) {
        String c = TextLines.trim(content);
        while (!c.isEmpty() && "。.；;".indexOf(c.charAt(c.length() - 1)) >= 0) {
            c = TextLines.trim(c.substring(0, c.length() - 1));
        }
        if (c.isEmpty() || c.length() > MAX_GROUP) {
            return null;
        }
        if (LABEL_ANYWHERE.matcher(c).find()) {
            List<Clause> result = new ArrayList<>();
            for (String segment : c.split("[；;]")) {
                String s = TextLines.trim(segment);
                if (s.isEmpty()) {
                    continue;
                }
                Clause one = labelled(s);
                if (one == null) {
                    one = responsible(s);
                }
                if (one == null) {
                    return null;
                }
                result.add(one);
            }
            return result.isEmpty() ? null : result;
        }
        Matcher lead = LEAD_THEN_OTHERS.matcher(c);
        if (lead.matches()) {
            List<String> leads = UnitNames.split(lead.group(1));
            if (leads != null) {
                List<Clause> result = new ArrayList<>();
                result.add(new Clause(Kind.LEAD, leads));
                if (lead.group(2) != null) {
                    List<String> others = UnitNames.split(lead.group(2));
                    if (others == null) {
                        return null;
                    }
                    result.add(new Clause(Kind.COOPERATING, others));
                }
                return result;
            }
        }
        Clause one = responsible(c);
        return one == null ? null : List.of(one);
    }

    private static Clause labelled(String segment) {
        Matcher m = LABEL.matcher(segment);
        if (!m.matches()) {
            return null;
        }
        String label = m.group(1);
        String names = m.group(2);
        Matcher r = RESPONSIBLE.matcher(names);
        if (r.matches()) {
            names = r.group(1);
        }
        List<String> list = UnitNames.split(names);
        if (list == null) {
            return null;
        }
        Kind kind = LEAD_LABEL_SET.contains(label) ? Kind.LEAD
                : COOP_LABEL_SET.contains(label) ? Kind.COOPERATING : Kind.RESPONSIBLE;
        return new Clause(kind, list);
    }

    private static Clause responsible(String s) {
        Matcher m = RESPONSIBLE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        List<String> names = UnitNames.split(m.group(1));
        return names == null ? null : new Clause(Kind.RESPONSIBLE, names);
    }

    private static String cut(String text, List<int[]> cuts) {
        cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        for (int[] c : cuts) {
            if (c[0] < pos) {
                continue;
            }
            sb.append(text, pos, c[0]);
            pos = c[1];
        }
        sb.append(text.substring(pos));
        List<String> lines = new ArrayList<>();
        for (String line : sb.toString().split("\n")) {
            String t = TextLines.trim(line);
            if (!t.isEmpty()) {
                lines.add(t);
            }
        }
        return String.join("\n", lines);
    }

    static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }
}
