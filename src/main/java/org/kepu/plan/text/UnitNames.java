package org.kepu.plan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a written list of unit names ("县教科体局、县科协和团县委等成员单位") and tells whether a name looks like a unit. */
final class UnitNames {

    private static final Pattern TAIL = Pattern.compile(
            "(等(?:有关|相关)?(?:成员单位|单位|部门|机构))$|等$");
    private static final String SEPARATORS = "、，,；;/／";
    /** Last characters of unit names: 局 委 部 会 办 中心 站 所 院 校 协 联 … and collective tails (单位 部门 乡镇 街道). */
    private static final String SUFFIX_CHARS = "局委部会办心站所院校协联团队处室司厅府馆社行台厂科股组镇乡道区村位门构业园地盟庭营盟署";
    private static final String BAD_STARTS = "由在按请要将对把经如并和及与等的";

    private UnitNames() {
    }

    /** The names, or null when any piece does not look like a unit (then the text is not a unit list). */
    static List<String> split(String written) {
        String s = TextLines.trim(written);
        s = TAIL.matcher(s).replaceFirst("");
        s = TextLines.trim(s);
        if (s.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if (depth == 0 && SEPARATORS.indexOf(c) >= 0) {
                if (!addPiece(names, piece.toString())) {
                    return null;
                }
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        if (!addPiece(names, piece.toString())) {
            return null;
        }
        return names.isEmpty() ? null : names;
    }

    private static boolean addPiece(List<String> names, String raw) {
        String name = TextLines.trim(raw);
        if (name.isEmpty()) {
            return true;
        }
        name = TextLines.trim(TAIL.matcher(name).replaceFirst(""));
        for (String part : splitConjunction(name)) {
            if (!looksLikeUnit(part)) {
                return false;
            }
            if (!names.contains(part)) {
                names.add(part);
            }
        }
        return true;
    }

    /** "县科协和县教科体局" → both; "县发展和改革委员会" stays one (the left part is no unit on its own). */
    private static List<String> splitConjunction(String name) {
        for (int i = 2; i < name.length() - 2; i++) {
            char c = name.charAt(i);
            if (c == '和' || c == '及' || c == '与') {
                String left = name.substring(0, i);
                String right = name.substring(i + 1);
                if (looksLikeUnit(left) && left.length() >= 3 && right.length() >= 3) {
                    List<String> rest = splitConjunction(right);
                    if (rest.stream().allMatch(UnitNames::looksLikeUnit)) {
                        List<String> all = new ArrayList<>();
                        all.add(left);
                        all.addAll(rest);
                        return all;
                    }
                }
            }
        }
        return List.of(name);
    }

    /** A name such as 县教科体局, 团县委, 寻乌生态环境局, 各乡（镇）人民政府, 各乡镇. */
    static boolean looksLikeUnit(String name) {
        if (name.length() < 2 || name.length() > 30) {
            return false;
        }
        if (BAD_STARTS.indexOf(name.charAt(0)) >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ("。：:！？!?“”\"《》".indexOf(c) >= 0 || Character.isDigit(c)) {
                return false;
            }
        }
        String core = name;
        if (core.endsWith("）") || core.endsWith(")")) {
            int open = Math.max(core.lastIndexOf('（'), core.lastIndexOf('('));
            if (open > 0) {
                core = core.substring(0, open);
            }
        }
        return !core.isEmpty() && SUFFIX_CHARS.indexOf(core.charAt(core.length() - 1)) >= 0;
    }

    /** Collective names such as 各乡镇, 各乡（镇）人民政府, 各成员单位: the import maps them to a group, not to one unit. */
    static boolean isCollective(String name) {
        return name != null && name.startsWith("各");
    }
}
