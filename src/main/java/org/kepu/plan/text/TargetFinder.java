package org.kepu.plan.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes the numeric targets written in a task's text: a quantity followed by a unit of measure
 * ("5000人次以上", "50个以上教学点", "1元以上", "60%以上"), with what is counted, the comparator and the deadline year.
 *
 * <p>Not proposed: years, dates and document numbers (年/月/日/号 are no units); ordinals (第10次); numbers inside
 * quotation marks, book-title marks or parentheses ("两个确立", "四个意识", “百人科普讲师团”); changes against a
 * past figure (比2020年提高…, 增长…%, …个百分点: the value depends on a baseline the text does not give); figures
 * already reached (已…, 现有…, 目前…, 开展了…, or a sentence naming a year before the plan's period without
 * 到/至/确保/力争/争取/目标); and Chinese numerals that are no counts: 一 never (一个, 一次, 一批 …), 两…十 only with
 * 以上/不少于/至少 or after a verb that sets a target (建设, 设立, 培育, 开展 …).
 */
final class TargetFinder {

    /** Units of measure, longest first. */
    private static final String[] UNITS = {"个百分点", "人次", "场次", "课时", "学时", "小时", "平方米", "%", "％",
        "家", "个", "名", "人", "次", "场", "期", "所", "处", "项", "座", "支", "篇", "部", "件", "台", "套", "册", "份",
        "种", "户", "本", "门", "间", "条", "元", "㎡", "档", "栏", "块", "棵", "株", "亩", "公里", "米"};
    private static final String[] AT_LEAST_WORDS = {"不少于", "不低于", "至少", "超过", "突破", "达到", "提高到", "提升到",
        "提高至", "提升至", "增加到", "增加至", "增至", "达"};
    private static final String[] AT_MOST_WORDS = {"不超过", "不高于", "控制在", "低于", "少于"};
    private static final String[] CONNECTORS = {"不少于", "不低于", "至少", "超过", "突破", "达到", "提高到", "提升到",
        "提高至", "提升至", "增加到", "增加至", "增至", "保持在", "不超过", "不高于", "控制在", "低于", "少于", "达", "为",
        "在", "约", "有", "共", "计", "总计", "累计"};
    private static final String[] LEADING = {"在全县范围内", "全县范围内", "在全县", "在全市", "力争", "确保", "争取", "努力",
        "全县", "全市", "全年", "年内", "当年", "每年", "累计", "新增", "新建", "获批", "建设", "建成", "设立", "完成", "开展",
        "培育", "培养", "创建", "打造", "组建", "举办", "组织", "实现", "争创", "认定", "命名", "评选", "达到", "共", "再",
        "和", "及", "与", "、", "，", "的"};
    private static final String[] MODIFIERS = {"每万人", "每千人", "每百人", "人均", "年均", "平均", "每年"};
    private static final String[] TARGET_VERBS = {"建设", "建成", "设立", "创建", "培育", "培养", "打造", "新增", "获批",
        "举办", "开展", "组织", "完成", "培训", "建立", "组建", "评选", "命名", "认定", "争创", "实现", "达到", "不少于",
        "至少"};
    private static final String[] RELATIVE = {"提高", "增长", "增加", "提升", "下降", "降低", "减少", "增幅", "高出",
        "超出", "翻"};
    private static final String[] PAST = {"已", "现有", "目前", "去年", "上年", "同比", "曾"};
    private static final Pattern DEADLINE = Pattern.compile("(?:到|至|截至|截止到|截止|于)\\s*((?:19|20)[0-9]{2})\\s*年");
    private static final Pattern DEADLINE_AFTER_VERB = Pattern.compile(
            "(?:确保|力争|争取|计划|预计)\\s*((?:19|20)[0-9]{2})\\s*年|^((?:19|20)[0-9]{2})\\s*年(?:底|末)?[，,]");
    private static final Pattern TARGET_MARKER = Pattern.compile(
            "(?:到|至)\\s*(?:19|20)[0-9]{2}\\s*年|确保|力争|争取|目标");
    /** "开展了…", "举办了…": done, not planned (为了, 了解, 除了 are no past marks). */
    private static final Pattern DONE = Pattern.compile("(?<![为除])了(?!解)");
    private static final Pattern ANY_YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})\\s*年");
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^(?:(?:到|至|截至)?\\s*(?:19|20)[0-9]{2}\\s*年(?:底|末)?(?:前|以前)?|年内|今年|明年|年底前)[，,]?");
    private static final Pattern YEAR_BEFORE = Pattern.compile("((?:19|20)[0-9]{2})\\s*年(?:底|末)?(?:前|以前|之前)");
    private static final String SENTENCE_END = "。！？!?\n";
    private static final String CLAUSE_END = "，,；;。：:！？!?\n";
    private static final Pattern RELATIVE_BASE = Pattern.compile("比[^，,；;。]{0,12}?(?:年|末|期)|同比|比上年|比去年");
    private static final Pattern LEVEL_ONLY = Pattern.compile("[\\u4e00-\\u9fa5]{1,3}级");
    private static final Pattern LEVEL_PREFIX = Pattern.compile("^[\\u4e00-\\u9fa5]{1,3}级");
    private static final int MAX_SUBJECT = 40;
    private static final int MAX_SENTENCE = 500;
    private static final int MAX_TARGETS = 200;

    private record Quantity(BigDecimal value, int end, boolean chinese) {
    }

    private TargetFinder() {
    }

    static List<TargetProposal> find(String text, Integer periodEnd) {
        return find(text, null, periodEnd);
    }

    /**
     * The targets of a task's text; the deadline is the sentence's 到/至XXXX年 (or 确保XXXX年, XXXX年底前), else
     * {@code periodEnd}. A sentence naming a year before {@code periodStart} without 到/至/确保/力争/争取/目标
     * reports a past figure and gives no target.
     */
    static List<TargetProposal> find(String text, Integer periodStart, Integer periodEnd) {
        List<TargetProposal> all = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return all;
        }
        int start = 0;
        for (int i = 0; i <= text.length() && all.size() < MAX_TARGETS; i++) {
            if (i == text.length() || SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
                boolean newline = i < text.length() && text.charAt(i) == '\n';
                int end = i == text.length() || newline ? i : i + 1;
                String sentence = TextLines.trim(text.substring(start, end));
                if (!sentence.isEmpty()) {
                    String ascii = TextLines.asciiDigits(sentence);
                    if (!pastFigure(ascii, periodStart)) {
                        inSentence(ascii, sentence, periodEnd, all);
                    }
                }
                start = i + 1;
            }
        }
        return all;
    }

    private static void inSentence(String s, String original, Integer periodEnd, List<TargetProposal> out) {
        int boundary = 0;
        String previousSubject = null;
        List<int[]> deadlines = null;
        String sentence = original.length() <= MAX_SENTENCE ? original : original.substring(0, MAX_SENTENCE) + "…";
        Quotes quotes = new Quotes(s);
        Matcher doneMark = DONE.matcher(s);
        int done = doneMark.find() ? doneMark.start() : -1;
        int i = 0;
        while (i < s.length() && out.size() < MAX_TARGETS) {
            boolean percentWords = s.startsWith("百分之", i);
            if (!percentWords && !startsNumber(s, i)) {
                i++;
                continue;
            }
            int numberStart = percentWords ? i + 3 : i;
            Quantity q = readNumber(s, numberStart);
            if (q == null) {
                i = Math.max(i + 1, numberStart);
                continue;
            }
            int j = q.end();
            boolean approximate = false;
            if (j < s.length() && (s.charAt(j) == '余' || s.charAt(j) == '多')) {
                approximate = true;
                j++;
            }
            String unit = percentWords ? "%" : unitAt(s, j);
            if (unit == null || quotes.inside(i) || rejected(s, i, q, unit, boundary, percentWords, done)) {
                i = Math.max(q.end(), i + 1);
                continue;
            }
            j += percentWords ? 0 : unit.length();
            if (unit.equals("％")) {
                unit = "%";
            }
            Comparator comparator = approximate ? Comparator.AT_LEAST : Comparator.EXACTLY;
            if (s.startsWith("及以上", j)) {
                comparator = Comparator.AT_LEAST;
                j += 3;
            } else if (s.startsWith("以上", j)) {
                comparator = Comparator.AT_LEAST;
                j += 2;
            } else if (s.startsWith("以下", j) || s.startsWith("以内", j)) {
                comparator = Comparator.AT_MOST;
                j += 2;
            } else if (s.startsWith("左右", j)) {
                j += 2;
            }
            int clauseStart = clauseStart(s, i, boundary);
            String before = s.substring(clauseStart, i);
            if (comparator == Comparator.EXACTLY) {
                comparator = comparatorOf(before);
            }
            int afterEnd = afterEnd(s, j);
            String after = cleanAfter(s.substring(j, afterEnd));
            String subject;
            int consumed;
            if (!after.isEmpty()) {
                subject = withModifier(before, after);
                consumed = afterEnd;
            } else {
                boolean listed = clauseStart > 0 && "、，,".indexOf(s.charAt(clauseStart - 1)) >= 0;
                subject = subjectBefore(before, listed ? previousSubject : null);
                consumed = j;
            }
            boundary = consumed;
            i = consumed;
            if (subject.isEmpty()) {
                continue;
            }
            previousSubject = subject;
            if (deadlines == null) {
                deadlines = deadlines(s);
            }
            out.add(new TargetProposal(subject, q.value(), unit, comparator, deadlineFor(deadlines, i, periodEnd),
                    sentence));
        }
    }

    private static boolean pastFigure(String sentence, Integer periodStart) {
        if (periodStart == null || TARGET_MARKER.matcher(sentence).find()) {
            return false;
        }
        Matcher m = ANY_YEAR.matcher(sentence);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) < periodStart) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsNumber(String s, int i) {
        char c = s.charAt(i);
        boolean digit = c >= '0' && c <= '9';
        boolean numeral = ChineseNumerals.digit(c) > 0 || c == '十';
        if (!digit && !numeral) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        if ((p >= '0' && p <= '9') || p == '.' || p == '．' || Character.isLetter(p) && p < 0x3000) {
            return false;
        }
        return !(numeral && ChineseNumerals.isNumeralChar(p));
    }

    private static Quantity readNumber(String s, int i) {
        if (i >= s.length()) {
            return null;
        }
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
            int j = i;
            while (j < s.length() && j - i < 15 && (isAsciiDigit(s.charAt(j))
                    || s.charAt(j) == ',' && threeDigits(s, j + 1))) {
                j++;
            }
            if (j < s.length() && (s.charAt(j) == '.' || s.charAt(j) == '．') && j + 1 < s.length()
                    && Character.isDigit(s.charAt(j + 1)) && s.charAt(j + 1) < 128) {
                j++;
                while (j < s.length() && j - i < 20 && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
                    j++;
                }
            }
            if (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
                return null;
            }
            BigDecimal value = new BigDecimal(s.substring(i, j).replace(",", "").replace('．', '.'));
            if (j < s.length()) {
                char m = s.charAt(j);
                long multiplier = m == '万' ? 10_000 : m == '千' ? 1_000 : m == '亿' ? 100_000_000 : 1;
                if (multiplier > 1) {
                    value = value.multiply(BigDecimal.valueOf(multiplier));
                    j++;
                }
            }
            return new Quantity(normalize(value), j, false);
        }
        int j = i;
        while (j < s.length() && j - i < 10 && ChineseNumerals.isNumeralChar(s.charAt(j))) {
            j++;
        }
        long v = ChineseNumerals.parse(s.substring(i, j));
        if (v < 0) {
            return null;
        }
        return new Quantity(BigDecimal.valueOf(v), j, true);
    }

    private static boolean threeDigits(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            if (!(s.charAt(k) >= '0' && s.charAt(k) <= '9')) {
                return false;
            }
        }
        return from + 3 == s.length() || !(s.charAt(from + 3) >= '0' && s.charAt(from + 3) <= '9');
    }

    private static BigDecimal normalize(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String unitAt(String s, int j) {
        for (String u : UNITS) {
            if (s.startsWith(u, j)) {
                if (u.equals("人") && (s.startsWith("人民", j) || s.startsWith("人才", j) || s.startsWith("人员", j))) {
                    return null;
                }
                return u;
            }
        }
        return null;
    }

    private static boolean rejected(String s, int i, Quantity q, String unit, int boundary, boolean percentWords,
            int done) {
        if (unit.equals("个百分点")) {
            return true;
        }
        if (i > 0 && s.charAt(i - 1) == '第') {
            return true;
        }
        int clauseStart = clauseStart(s, i, boundary);
        String before = s.substring(clauseStart, i);
        for (String r : RELATIVE) {
            if (before.endsWith(r) || before.endsWith(r + "了")) {
                return true;
            }
        }
        if (RELATIVE_BASE.matcher(before).find()
                && containsAny(s.substring(clauseStart, Math.min(s.length(), q.end() + 10)), RELATIVE)) {
            return true;
        }
        if (containsAny(before, PAST) || done >= 0 && done < i) {
            return true;
        }
        if (q.chinese() && !percentWords) {
            if (q.value().compareTo(BigDecimal.ONE) <= 0) {
                return true;
            }
            int after = q.end() + unit.length();
            boolean comparator = s.startsWith("以上", after) || s.startsWith("及以上", after)
                    || containsAny(before, new String[] {"不少于", "至少", "不低于"});
            return !comparator && !containsAny(before, TARGET_VERBS);
        }
        return false;
    }

    /** Whether a position lies inside “…”, 《…》, 「…」, "…" or an open parenthesis; scanned once, left to right. */
    private static final class Quotes {
        private final String s;
        private int scanned;
        private int curly;
        private int book;
        private int corner;
        private boolean straight;
        private int paren;

        Quotes(String s) {
            this.s = s;
        }

        boolean inside(int pos) {
            for (; scanned < pos; scanned++) {
                switch (s.charAt(scanned)) {
                    case '“' -> curly++;
                    case '”' -> curly = Math.max(0, curly - 1);
                    case '《' -> book++;
                    case '》' -> book = Math.max(0, book - 1);
                    case '「', '『' -> corner++;
                    case '」', '』' -> corner = Math.max(0, corner - 1);
                    case '"' -> straight = !straight;
                    case '（', '(' -> paren++;
                    case '）', ')' -> paren = Math.max(0, paren - 1);
                    default -> { }
                }
            }
            return curly > 0 || book > 0 || corner > 0 || straight || paren > 0;
        }
    }

    /** Where the clause holding the number starts: after the last ，；。： outside parentheses, or the last target. */
    private static int clauseStart(String s, int i, int boundary) {
        int depth = 0;
        int k = i - 1;
        int floor = Math.max(boundary, i - 80);
        while (k >= floor) {
            char c = s.charAt(k);
            if (c == '）' || c == ')') {
                depth++;
            } else if (c == '（' || c == '(') {
                if (depth == 0) {
                    return k + 1;
                }
                depth--;
            } else if (depth == 0 && CLAUSE_END.indexOf(c) >= 0) {
                return k + 1;
            }
            k--;
        }
        return Math.max(floor, 0);
    }

    private static int afterEnd(String s, int j) {
        int depth = 0;
        int k = j;
        while (k < s.length() && k - j < 60) {
            char c = s.charAt(k);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (CLAUSE_END.indexOf(c) >= 0 || c == '、')) {
                break;
            } else if (depth == 0 && (c >= '0' && c <= '9')) {
                break;
            }
            k++;
        }
        return k;
    }

    private static String cleanAfter(String after) {
        String a = TextLines.trim(after);
        while (a.startsWith("的")) {
            a = a.substring(1);
        }
        if (a.length() > MAX_SUBJECT) {
            a = a.substring(0, MAX_SUBJECT);
        }
        return TextLines.trim(a);
    }

    /** "人均" before the number belongs to the subject after it too ("人均1元科普经费" → 人均科普经费). */
    private static String withModifier(String before, String after) {
        String b = TextLines.trim(before);
        for (String m : MODIFIERS) {
            if (b.endsWith(m) && !after.startsWith(m)) {
                return m + after;
            }
        }
        return after;
    }

    private static String subjectBefore(String before, String previousSubject) {
        String b = TextLines.trim(before);
        String modifier = "";
        for (String m : MODIFIERS) {
            if (b.endsWith(m)) {
                modifier = m;
                b = TextLines.trim(b.substring(0, b.length() - m.length()));
                break;
            }
        }
        boolean changed = true;
        while (changed && !b.isEmpty()) {
            changed = false;
            for (String w : CONNECTORS) {
                if (b.endsWith(w) && b.length() > w.length()) {
                    b = TextLines.trim(b.substring(0, b.length() - w.length()));
                    changed = true;
                    break;
                }
            }
        }
        b = stripLeading(b);
        if (b.length() > MAX_SUBJECT) {
            b = b.substring(b.length() - MAX_SUBJECT);
        }
        if (previousSubject != null && (b.isEmpty() || LEVEL_ONLY.matcher(b).matches())) {
            Matcher level = LEVEL_PREFIX.matcher(previousSubject);
            if (b.isEmpty()) {
                b = previousSubject;
            } else if (level.find() && level.end() < previousSubject.length()) {
                b = b + previousSubject.substring(level.end());
            } else {
                b = b + previousSubject;
            }
        }
        return b.isEmpty() ? "" : modifier + b;
    }

    private static String stripLeading(String s) {
        String b = s;
        boolean changed = true;
        while (changed && !b.isEmpty()) {
            changed = false;
            Matcher time = LEADING_TIME.matcher(b);
            if (time.lookingAt() && time.end() > 0 && time.end() < b.length()) {
                b = TextLines.trim(b.substring(time.end()));
                changed = true;
                continue;
            }
            for (String w : LEADING) {
                if (b.startsWith(w) && b.length() > w.length()) {
                    b = TextLines.trim(b.substring(w.length()));
                    changed = true;
                    break;
                }
            }
        }
        return b;
    }

    /** 不超过/控制在 … → AT_MOST, 不少于/至少/达到 … → AT_LEAST (a lone 达 only right before the number). */
    private static Comparator comparatorOf(String before) {
        String b = TextLines.trim(before);
        String withoutAtLeast = b.replace("不少于", "").replace("不低于", "");
        for (String w : AT_MOST_WORDS) {
            if (withoutAtLeast.contains(w)) {
                return Comparator.AT_MOST;
            }
        }
        for (String w : AT_LEAST_WORDS) {
            if (w.length() > 1 ? b.contains(w) : endsWithBeforeModifier(b, w)) {
                return Comparator.AT_LEAST;
            }
        }
        return Comparator.EXACTLY;
    }

    private static boolean endsWithBeforeModifier(String b, String w) {
        if (b.endsWith(w)) {
            return true;
        }
        for (String m : MODIFIERS) {
            if (b.endsWith(w + m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The deadline years written in a sentence, as {position, year}. */
    private static List<int[]> deadlines(String sentence) {
        List<int[]> found = new ArrayList<>();
        for (Pattern p : new Pattern[] {DEADLINE, YEAR_BEFORE, DEADLINE_AFTER_VERB}) {
            Matcher m = p.matcher(sentence);
            while (m.find()) {
                String year = m.group(1) != null ? m.group(1) : m.group(2);
                found.add(new int[] {m.start(), Integer.parseInt(year)});
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        return found;
    }

    /** The last deadline written before the number in its sentence, else the plan's last year. */
    private static Integer deadlineFor(List<int[]> deadlines, int position, Integer periodEnd) {
        Integer before = null;
        for (int[] d : deadlines) {
            if (d[0] < position) {
                before = d[1];
            }
        }
        return before != null ? before : periodEnd;
    }

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
