package org.kepu.plan.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.plan.text.PlanTextFixtures.all;
import static org.kepu.plan.text.PlanTextFixtures.at;
import static org.kepu.plan.text.PlanTextFixtures.numberings;
import static org.kepu.plan.text.PlanTextFixtures.perLevel;
import static org.kepu.plan.text.PlanTextFixtures.seed;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text the parser must survive: missing or mixed numbering, broken parentheses, odd line breaks, random input. */
class ChinesePlanTextParserMalformedTest {

    private final ChinesePlanTextParser parser = new ChinesePlanTextParser();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\n\r\n", "\u3000\u3000\n\t", "\uFEFF"})
    void emptyTextGivesAnEmptyPlanWithAMessage(String text) {
        ParsedPlan plan = parser.parse(text);
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.warnings()).containsExactly("文本为空");
        assertThat(plan.title()).isNull();
    }

    @Test
    void textWithoutNumberingBecomesAFlatListOfParagraphs() {
        ParsedPlan plan = parser.parse("""
                关于开展2024年科技活动周的通知
                各乡镇人民政府：
                请各单位认真组织科技活动周活动。（县科协负责）
                做好宣传报道，营造良好氛围。
                """);
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("未识别到编号"));
        assertThat(plan.tasks()).extracting(ParsedTask::style).containsOnly(NumberingStyle.NONE);
        assertThat(plan.tasks()).extracting(ParsedTask::title)
                .containsExactly("请各单位认真组织科技活动周活动", "做好宣传报道，营造良好氛围");
        assertThat(plan.tasks()).extracting(ParsedTask::line).containsExactly(3, 4);
        assertThat(plan.tasks().get(0).leadUnits()).containsExactly("县科协");
        assertThat(plan.title()).isEqualTo("开展2024年科技活动周");
        assertThat(plan.kindHint()).isEqualTo("SPECIAL_PLAN");
        assertThat(plan.periodStart()).isEqualTo(2024);
    }

    @Test
    void windowsAndOldMacLineBreaksGiveTheSameTree() {
        String unix = seed(PlanTextFixtures.SEED_004);
        ParsedPlan expected = parser.parse(unix);
        for (String text : List.of(unix.replace("\n", "\r\n"), unix.replace("\n", "\r"))) {
            ParsedPlan plan = parser.parse(text);
            assertThat(plan.tasks()).isEqualTo(expected.tasks());
            assertThat(plan.title()).isEqualTo(expected.title());
            assertThat(plan.issuedOn()).isEqualTo(expected.issuedOn());
        }
    }

    @Test
    void fullWidthSpacesAndDigitsAroundNumbers() {
        ParsedPlan plan = parser.parse("""
                \u3000\u3000一、\u3000总体要求
                \u3000\u3000（一）加强组织领导
                \u3000\u3000１．建立工作机制。\u3000（县科协、县教科体局按职责分工负责）\u3000
                \u3000\u3000２．落实经费保障。（县财政局负责）
                """);
        assertThat(perLevel(plan.tasks())).containsExactly(1, 1, 2);
        assertThat(at(plan, 0).title()).isEqualTo("总体要求");
        assertThat(numberings(at(plan, 0, 0).children())).containsExactly("１．", "２．");
        assertThat(at(plan, 0, 0, 0).leadUnits()).containsExactly("县科协");
        assertThat(at(plan, 0, 0, 0).cooperatingUnits()).containsExactly("县教科体局");
        assertThat(at(plan, 0, 0, 0).text()).isEqualTo("建立工作机制。");
        assertThat(at(plan, 0, 0, 1).leadUnits()).containsExactly("县财政局");
    }

    @Test
    void numberingMaySkipALevel() {
        ParsedPlan plan = parser.parse("""
                一、加强青少年科普
                （1）开展科技竞赛。
                （2）开展科普进校园。
                ①组织讲座。
                二、加强农民科普
                1．开展农技培训。
                （1）田间课堂。
                """);
        assertThat(numberings(plan.tasks())).containsExactly("一、", "二、");
        assertThat(numberings(at(plan, 0).children())).containsExactly("（1）", "（2）");
        assertThat(numberings(at(plan, 0, 1).children())).containsExactly("①");
        assertThat(numberings(at(plan, 1).children())).containsExactly("1．");
        assertThat(numberings(at(plan, 1, 0).children())).containsExactly("（1）");
        assertThat(plan.warnings()).noneMatch(w -> w.contains("不连续"));
    }

    @Test
    void mixedHalfAndFullWidthVariantsShareALevel() {
        ParsedPlan plan = parser.parse("""
                一、任务
                (一)第一项
                1、甲。
                2.乙。
                3．丙。
                （二）第二项
                (1)丁。
                1)戊。
                """);
        assertThat(numberings(at(plan, 0).children())).containsExactly("(一)", "（二）");
        assertThat(numberings(at(plan, 0, 0).children())).containsExactly("1、", "2.", "3．");
        assertThat(numberings(at(plan, 0, 1).children())).containsExactly("(1)", "1)");
        assertThat(at(plan, 0, 1, 1).style()).isEqualTo(NumberingStyle.ARABIC_PAREN);
    }

    @Test
    void aMissingParentIsPlacedByTheOfficialHierarchyWithAWarning() {
        ParsedPlan plan = parser.parse("""
                1．第一条。
                2．第二条。
                二、第二部分
                1．甲。
                三、第三部分
                """);
        assertThat(numberings(plan.tasks())).containsExactly("1．", "2．", "二、", "三、");
        assertThat(numberings(at(plan, 2).children())).containsExactly("1．");
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("第 3 行：编号“二、”出现在下级编号之后"));
    }

    @Test
    void gapsInTheNumberingAreReported() {
        ParsedPlan plan = parser.parse("""
                一、甲
                1．子一。
                3．子三。
                三、丙
                """);
        assertThat(all(plan)).hasSize(4);
        assertThat(plan.warnings()).contains("第 3 行：编号“3．”不连续（按顺序应为“2．”），请核对是否漏了条目",
                "第 4 行：编号“三、”不连续（按顺序应为“二、”），请核对是否漏了条目");
    }

    @Test
    void numbersInsideSentencesAtTheStartOfALineDoNotStartItems() {
        ParsedPlan plan = parser.parse("""
                一、工作目标
                2025年，全县科普示范基地达到10家。
                6.5世界环境日开展宣传。
                12月20日前报送总结。
                1.5万人次参加活动。
                二〇二五年完成验收。
                二、保障措施
                """);
        assertThat(numberings(plan.tasks())).containsExactly("一、", "二、");
        assertThat(at(plan, 0).children()).isEmpty();
        assertThat(at(plan, 0).text()).contains("2025年，全县科普示范基地达到10家。", "6.5世界环境日", "12月20日前",
                "1.5万人次", "二〇二五年");
        assertThat(at(plan, 0).targets()).extracting(TargetProposal::subject, TargetProposal::quantity,
                TargetProposal::comparator, TargetProposal::deadlineYear)
                .contains(org.assertj.core.groups.Tuple.tuple("科普示范基地", new BigDecimal("10"), Comparator.AT_LEAST, 2025));
    }

    @Test
    void unbalancedParentheses() {
        ParsedPlan plan = parser.parse("""
                一、任务
                1．开展科普活动（县科协、县教科体局按职责分工负责
                2．加强宣传（注意（安全）。
                3．完善新时代文明实践中心（所、站)建设。）（县文广新旅局负责）
                """);
        assertThat(at(plan, 0, 0).leadUnits()).containsExactly("县科协");
        assertThat(at(plan, 0, 0).cooperatingUnits()).containsExactly("县教科体局");
        assertThat(at(plan, 0, 0).text()).isEqualTo("开展科普活动");
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("第 2 行：括号未闭合"));
        assertThat(at(plan, 0, 1).text()).isEqualTo("加强宣传（注意（安全）。");
        assertThat(at(plan, 0, 1).leadUnits()).isEmpty();
        assertThat(at(plan, 0, 2).leadUnits()).containsExactly("县文广新旅局");
        assertThat(at(plan, 0, 2).text()).isEqualTo("完善新时代文明实践中心（所、站)建设。）");
    }

    @Test
    void numberingThatStartsAgainWithoutAHeadingStaysOnTheSameLevel() {
        ParsedPlan plan = parser.parse("""
                一、甲
                二、乙。这是正文。
                一、丙
                """);
        assertThat(numberings(plan.tasks())).containsExactly("一、", "二、", "一、");
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("第 3 行：编号“一、”从头开始"));
    }

    @Test
    void anAttachmentStartsANewPart() {
        ParsedPlan plan = parser.parse("""
                一、主要任务
                1．开展活动。（县科协负责）
                附件材料另行印发
                附件：
                重点任务分工表
                一、青少年
                1．科技竞赛。（县教科体局负责）
                """);
        assertThat(numberings(plan.tasks())).containsExactly("一、", "");
        ParsedTask part = at(plan, 1);
        assertThat(part.title()).isEqualTo("重点任务分工表");
        assertThat(numberings(part.children())).containsExactly("一、");
        // an attachment that is not a list of duties keeps its unit lists
        assertThat(at(plan, 1, 0, 0).leadUnits()).containsExactly("县教科体局");
        assertThat(at(plan, 0, 0).text()).isEqualTo("开展活动。\n附件材料另行印发");
    }

    @Test
    void closingLinesAreNotPartOfTheLastItem() {
        ParsedPlan plan = parser.parse("""
                县科协办公室
                关于印发《某县2023年科普工作要点》的通知
                一、加强科普
                1．开展活动。
                县科协办公室
                2023年3月1日
                抄送：县政府办
                """);
        assertThat(at(plan, 0, 0).text()).isEqualTo("开展活动。");
        assertThat(plan.issuedOn()).hasToString("2023-03-01");
        assertThat(plan.issuingBody()).isEqualTo("县科协办公室");
        assertThat(plan.title()).isEqualTo("某县2023年科普工作要点");
        assertThat(plan.kindHint()).isEqualTo("ANNUAL_POINTS");
    }

    @Test
    void chineseNumeralDatesAndTheFiveYearPlanPeriod() {
        ParsedPlan plan = parser.parse("""
                某县“十四五”科普事业发展规划
                二〇二一年十二月二十日
                一、发展目标
                """);
        assertThat(plan.issuedOn()).hasToString("2021-12-20");
        assertThat(plan.periodStart()).isEqualTo(2021);
        assertThat(plan.periodEnd()).isEqualTo(2025);
        assertThat(plan.kindHint()).isEqualTo("IMPLEMENTATION_PLAN");
    }

    @Test
    void survivesRandomText() {
        Random random = new Random(20240731L);
        String alphabet = "一二三四五六七八九十、（）()．.①②③1234567890０１２３年月日号〔〕：:；;，。负责牵头单位部门县科协局等和及"
                + "“”《》%％万人次个家以上不少于到比提高\n\r\t \u3000附件职责通知关于印发";
        for (int round = 0; round < 400; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(3000);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertParses(sb.toString());
        }
        for (int round = 0; round < 100; round++) {
            byte[] bytes = new byte[random.nextInt(4000)];
            random.nextBytes(bytes);
            assertParses(new String(bytes, StandardCharsets.UTF_8));
            assertParses(new String(bytes, Charset.forName("GB18030")));
            assertParses(new String(bytes, StandardCharsets.UTF_16LE));
        }
    }

    @Test
    void survivesHugeLinesAndManyItems() {
        assertParses("一、" + "（".repeat(200_000));
        assertParses("一、" + "1人".repeat(150_000));
        assertParses("（县科协、" + "县科协、".repeat(50_000) + "负责）");
        assertParses("“" + "两个确立".repeat(100_000));
        ParsedPlan many = parser.parse("一、甲\n" + "1．乙。（县科协负责）\n".repeat(20_000));
        assertThat(at(many, 0).children()).hasSize(20_000);
        assertThat(many.warnings()).hasSizeLessThanOrEqualTo(Warnings.MAX + 1);
        ParsedPlan cut = parser.parse("一、甲\n" + "科".repeat(ChinesePlanTextParser.MAX_CHARS + 10));
        assertThat(cut.warnings()).anyMatch(w -> w.startsWith("文本过长"));
    }

    private void assertParses(String text) {
        ParsedPlan plan = parser.parse(text);
        assertThat(plan).isNotNull();
        assertThat(plan.tasks()).isNotNull();
        assertThat(plan.warnings()).isNotNull();
        PlanTextFixtures.walk(plan.tasks(), t -> {
            assertThat(t.text()).isNotNull();
            assertThat(t.title()).isNotNull();
            assertThat(t.leadUnits()).doesNotContainNull();
            assertThat(t.targets()).allMatch(p -> p.quantity() != null && !p.subject().isEmpty());
        });
        // no input falls back to the emergency flat list
        assertThat(plan.warnings()).noneMatch(w -> w.startsWith("无法按编号解析"));
    }
}
