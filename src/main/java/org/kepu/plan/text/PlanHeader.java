package org.kepu.plan.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kepu.plan.text.TextLines.Line;

/**
 * Reads the letter around a plan: document number, title, issuing body, date of issue, period and kind, from the
 * lines before the first numbered item (the 通知 header, addressee, 印发 sentence, title) and the closing lines.
 */
final class PlanHeader {

    /** What the header told, and which lines it used (so a flat list can leave them out). */
    record Info(String title, String documentNumber, String issuingBody, LocalDate issuedOn, Integer periodStart,
            Integer periodEnd, String kindHint, Set<Integer> usedLines) {
    }

    static final String IMPLEMENTATION_PLAN = "IMPLEMENTATION_PLAN";
    static final String ANNUAL_POINTS = "ANNUAL_POINTS";
    static final String SPECIAL_PLAN = "SPECIAL_PLAN";

    private static final Pattern DOC_NUMBER = Pattern.compile(
            "^([\\u4e00-\\u9fa5]{1,16}[〔\\[［【(（]\\s*(?:19|20)[0-9]{2}\\s*[〕\\]］】)）]\\s*第?\\s*[0-9]{1,4}\\s*号)$");
    private static final String DATE = "((?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*月"
            + "\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*日";
    private static final Pattern DATE_LINE = Pattern.compile("^" + DATE + "$");
    private static final Pattern SIGNED_DATE = Pattern.compile("^(.{2,40}?)[\\s\u3000]+" + DATE + "(?:印发|发布|印)?$");
    private static final Pattern ISSUED_DATE = Pattern.compile("^(.{0,40}?)[\\s\u3000]*" + DATE + "(?:印发|发布)$");
    private static final Pattern NOTICE = Pattern.compile("^(.*?)关于(?:印发|转发|下发)?(.+?)的(?:通知|函)$");
    private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]{4,80})》");
    private static final Pattern PERIOD = Pattern.compile(
            "((?:19|20)[0-9]{2})\\s*(?:年)?\\s*[—–\\-－~～至到]+\\s*((?:19|20)[0-9]{2})");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})\\s*年");
    private static final Pattern PLAN_WORDS = Pattern.compile("方案|规划|要点|计划|纲要|意见|办法|安排|措施|清单");
    private static final Pattern ORG = Pattern.compile(
            ".{1,30}(办公室|人民政府|政府|委员会|领导小组|联席会议|局|委|科协|协会|中心|部|办)$");
    private static final Pattern PUBLIC_NOTE = Pattern.compile("^[（(]此件.{0,20}[）)]$");
    private static final Pattern SPECIAL_WORDS = Pattern.compile("活动周|活动月|科普日|宣传周|专项|活动方案");
    private static final Pattern IMPLEMENTATION_WORDS = Pattern.compile("实施方案|规划|纲要|行动计划|五年计划");
    private static final Pattern ADDRESSEE = Pattern.compile("^各.{2,200}[:：]$|^.{2,200}(单位|部门|政府)[:：]$");

    private PlanHeader() {
    }

    static Info read(List<Line> preamble, List<Line> closing) {
        Set<Integer> used = new HashSet<>();
        String documentNumber = null;
        String title = null;
        String bookTitle = null;
        String noticeTitle = null;
        String issuingBody = null;
        String standaloneOrg = null;
        LocalDate issuedOn = null;
        LocalDate closingDate = null;
        String closingOrg = null;
        for (Line line : preamble) {
            String t = line.text();
            if (t.isEmpty()) {
                continue;
            }
            String compact = TextLines.compact(t);
            Matcher m = DOC_NUMBER.matcher(TextLines.asciiDigits(compact));
            if (m.matches()) {
                if (documentNumber == null) {
                    documentNumber = compact;
                }
                used.add(line.number());
                continue;
            }
            m = DATE_LINE.matcher(TextLines.asciiDigits(compact));
            if (m.matches()) {
                if (issuedOn == null) {
                    issuedOn = date(m.group(1), m.group(2), m.group(3));
                }
                used.add(line.number());
                continue;
            }
            m = NOTICE.matcher(compact.length() <= 150 ? compact : "");
            if (m.matches()) {
                String body = m.group(1);
                if (!body.isEmpty() && ORG.matcher(body).matches() && issuingBody == null) {
                    issuingBody = body;
                }
                Matcher book = BOOK_TITLE.matcher(m.group(2));
                noticeTitle = book.find() ? book.group(1) : m.group(2);
                used.add(line.number());
                continue;
            }
            if (ADDRESSEE.matcher(compact).matches()) {
                used.add(line.number());
                continue;
            }
            if (t.contains("印发") && (t.contains("给你们") || t.startsWith("现将") || t.contains("现将"))) {
                Matcher book = BOOK_TITLE.matcher(t);
                if (book.find() && bookTitle == null) {
                    bookTitle = book.group(1);
                }
                used.add(line.number());
                continue;
            }
            m = SIGNED_DATE.matcher(TextLines.asciiDigits(t));
            if (m.matches() && ORG.matcher(TextLines.trim(m.group(1))).matches()) {
                closingOrg = closingOrg == null ? TextLines.trim(m.group(1)) : closingOrg;
                closingDate = closingDate == null ? date(m.group(2), m.group(3), m.group(4)) : closingDate;
                used.add(line.number());
                continue;
            }
            if (TextLines.headingLike(compact) && compact.length() >= 4) {
                if (PLAN_WORDS.matcher(compact).find() && !compact.endsWith("通知")) {
                    title = t;
                    used.add(line.number());
                } else if (ORG.matcher(compact).matches() && standaloneOrg == null) {
                    standaloneOrg = compact;
                    used.add(line.number());
                }
            }
        }
        for (Line line : closing) {
            String t = TextLines.asciiDigits(line.text());
            Matcher m = ISSUED_DATE.matcher(t);
            if (m.matches()) {
                String org = TextLines.trim(m.group(1));
                if (!org.isEmpty() && closingOrg == null) {
                    closingOrg = org;
                }
                if (closingDate == null) {
                    closingDate = date(m.group(2), m.group(3), m.group(4));
                }
                continue;
            }
            m = DATE_LINE.matcher(TextLines.compact(t));
            if (m.matches() && closingDate == null) {
                closingDate = date(m.group(1), m.group(2), m.group(3));
            }
        }
        if (title == null) {
            title = bookTitle != null ? bookTitle : noticeTitle;
        }
        if (issuingBody == null) {
            issuingBody = standaloneOrg != null ? standaloneOrg : closingOrg;
        }
        if (issuedOn == null) {
            issuedOn = closingDate;
        }
        Integer[] period = period(title != null ? title : bookTitle != null ? bookTitle : noticeTitle);
        return new Info(title, documentNumber, issuingBody, issuedOn, period[0], period[1], kind(title), used);
    }

    /** Whether a closing line is part of the letter, not of the last task ("忠县科普工作联席会议办公室 2024年7月31日印发"). */
    static boolean closingLine(String t) {
        String a = TextLines.asciiDigits(t);
        String compact = TextLines.compact(a);
        return ISSUED_DATE.matcher(a).matches() || DATE_LINE.matcher(compact).matches()
                || compact.startsWith("抄送") || compact.startsWith("抄报")
                || PUBLIC_NOTE.matcher(compact).matches()
                || SIGNED_DATE.matcher(a).matches() && ORG.matcher(TextLines.trim(
                        SIGNED_DATE.matcher(a).replaceFirst("$1"))).matches();
    }

    /** A short name ending like an organisation: 办公室, 人民政府, 委员会, 局, 科协 … */
    static boolean looksLikeOrg(String t) {
        return t.length() <= 40 && ORG.matcher(TextLines.compact(t)).matches();
    }

    /** 实施方案/规划/纲要/行动计划 → IMPLEMENTATION_PLAN, 工作要点 → ANNUAL_POINTS, otherwise (活动周, 专项 …) SPECIAL_PLAN. */
    static String kind(String title) {
        if (title == null) {
            return SPECIAL_PLAN;
        }
        if (title.contains("要点")) {
            return ANNUAL_POINTS;
        }
        if (SPECIAL_WORDS.matcher(title).find()) {
            return SPECIAL_PLAN;
        }
        if (IMPLEMENTATION_WORDS.matcher(title).find()) {
            return IMPLEMENTATION_PLAN;
        }
        return SPECIAL_PLAN;
    }

    /** "（2021—2025年）" → 2021, 2025; "2024年…工作要点" → 2024, 2024; "“十四五”…规划" → 2021, 2025. */
    static Integer[] period(String title) {
        if (title == null) {
            return new Integer[2];
        }
        String t = TextLines.asciiDigits(title);
        Matcher m = PERIOD.matcher(t);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (b >= a && b - a <= 20) {
                return new Integer[] {a, b};
            }
        }
        m = YEAR.matcher(t);
        if (m.find()) {
            int y = Integer.parseInt(m.group(1));
            return new Integer[] {y, y};
        }
        String[][] fiveYear = {{"十三五", "2016", "2020"}, {"十四五", "2021", "2025"}, {"十五五", "2026", "2030"}};
        for (String[] f : fiveYear) {
            if (t.contains(f[0])) {
                return new Integer[] {Integer.valueOf(f[1]), Integer.valueOf(f[2])};
            }
        }
        return new Integer[2];
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of((int) number(year), (int) number(month), (int) number(day));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static long number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        return ChineseNumerals.parse(s);
    }
}
