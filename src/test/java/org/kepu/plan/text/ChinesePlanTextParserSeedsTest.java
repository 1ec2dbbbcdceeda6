package org.kepu.plan.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.plan.text.PlanTextFixtures.all;
import static org.kepu.plan.text.PlanTextFixtures.at;
import static org.kepu.plan.text.PlanTextFixtures.childCounts;
import static org.kepu.plan.text.PlanTextFixtures.numberings;
import static org.kepu.plan.text.PlanTextFixtures.perLevel;
import static org.kepu.plan.text.PlanTextFixtures.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Golden tests: the two seed plans read into exactly the tree, units and targets stated in docs/plan-import.md. */
class ChinesePlanTextParserSeedsTest {

    private final ChinesePlanTextParser parser = new ChinesePlanTextParser();

    @Nested
    class Seed003AnnualWorkPoints {

        private final ParsedPlan plan = parser.parse(seed(PlanTextFixtures.SEED_003));

        @Test
        void readsTheLetter() {
            assertThat(plan.title()).isEqualTo("忠县2024年科普工作要点");
            assertThat(plan.documentNumber()).isEqualTo("忠科普联办〔2024〕2号");
            assertThat(plan.issuingBody()).isEqualTo("忠县科普工作联席会议办公室");
            assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 7, 31));
            assertThat(plan.periodStart()).isEqualTo(2024);
            assertThat(plan.periodEnd()).isEqualTo(2024);
            assertThat(plan.kindHint()).isEqualTo("ANNUAL_POINTS");
        }

        @Test
        void buildsFourSectionsWithFifteenItemsNumberedOnAcrossSections() {
            assertThat(numberings(plan.tasks())).containsExactly("一、", "二、", "三、", "四、");
            assertThat(perLevel(plan.tasks())).containsExactly(4, 15);
            assertThat(all(plan)).hasSize(19);
            assertThat(plan.tasks().stream().map(t -> t.children().size())).containsExactly(3, 5, 3, 4);
            assertThat(numberings(at(plan, 1).children())).containsExactly("4.", "5.", "6．", "7.", "8.");
            assertThat(all(plan)).allMatch(t -> t.style() != NumberingStyle.NONE);
            // numbering that runs on across sections (4. under 二、) is no gap
            assertThat(plan.warnings()).noneMatch(w -> w.contains("不连续"));
        }

        @Test
        void titlesAndLines() {
            assertThat(at(plan, 0).title()).isEqualTo("注重政治引领，不断增强群众科普获得感");
            assertThat(at(plan, 0).line()).isEqualTo(19);
            assertThat(at(plan, 0, 0).title()).isEqualTo("坚持旗帜鲜明讲政治");
            assertThat(at(plan, 1, 2).title()).isEqualTo("开展产业工人科学素质提升行动");
            assertThat(at(plan, 1, 4).title()).isEqualTo("开展面向领导干部和公务员的科普宣传教育工作");
            assertThat(at(plan, 1, 4).line()).isEqualTo(36);
            // a first sentence longer than 50 characters is cut at its first comma
            assertThat(at(plan, 3, 3).title()).isEqualTo("加快科技志愿者队伍建设");
            assertThat(at(plan, 3, 3).text()).startsWith("加快科技志愿者队伍建设，组织农技协")
                    .endsWith("最大限度地调动科普志愿者志愿服务的主动性积极性。");
        }

        @Test
        void leavesTheLetterAndTheClosingLineOutOfTheTree() {
            assertThat(all(plan)).noneMatch(t -> t.text().contains("印发"));
            assertThat(all(plan)).noneMatch(t -> t.text().contains("总体要求"));
            assertThat(plan.warnings()).contains("第 1—17 行为文件头、标题和引言，未列入任务");
        }

        @Test
        void hasNeitherUnitListsNorTargets() {
            assertThat(all(plan)).allMatch(t -> t.leadUnits().isEmpty() && t.cooperatingUnits().isEmpty());
            // "两个确立", "四个意识", 75周年, 2024年, "1116" are no targets
            assertThat(all(plan)).allMatch(t -> t.targets().isEmpty());
        }
    }

    @Nested
    class Seed004ImplementationPlan {

        private final ParsedPlan plan = parser.parse(seed(PlanTextFixtures.SEED_004));

        @Test
        void readsTheLetter() {
            assertThat(plan.title()).isEqualTo("寻乌县全民科学素质行动规划纲要实施方案（2021—2025年）");
            assertThat(plan.documentNumber()).isEqualTo("寻府办字〔2022〕5号");
            assertThat(plan.issuingBody()).isEqualTo("寻乌县人民政府办公室");
            assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2022, 1, 21));
            assertThat(plan.periodStart()).isEqualTo(2021);
            assertThat(plan.periodEnd()).isEqualTo(2025);
            assertThat(plan.kindHint()).isEqualTo("IMPLEMENTATION_PLAN");
        }

        @Test
        void treeShape() {
            assertThat(numberings(plan.tasks())).containsExactly("一、", "二、", "三、", "四、", "");
            assertThat(perLevel(plan.tasks())).containsExactly(5, 18, 51);
            assertThat(all(plan)).hasSize(74);
            List<ParsedTask> body = plan.tasks().subList(0, 4);
            assertThat(perLevel(body)).containsExactly(4, 15, 40);
            assertThat(childCounts(at(plan, 0))).containsExactly(0, 0);
            assertThat(numberings(at(plan, 1).children())).containsExactly("（一）", "（二）", "（三）", "（四）", "（五）");
            assertThat(childCounts(at(plan, 1))).containsExactly(6, 3, 4, 3, 3);
            assertThat(childCounts(at(plan, 2))).containsExactly(3, 3, 3, 4, 2);
            assertThat(childCounts(at(plan, 3))).containsExactly(0, 3, 3);
            assertThat(numberings(at(plan, 1, 0).children())).containsExactly("1．", "2．", "3．", "4．", "5．", "6．");
            assertThat(at(plan, 1, 0, 0).style()).isEqualTo(NumberingStyle.ARABIC_DOT);
            assertThat(at(plan, 1, 0).style()).isEqualTo(NumberingStyle.CHINESE_PAREN);
            assertThat(plan.warnings()).noneMatch(w -> w.contains("不连续") || w.contains("从头开始"));
        }

        @Test
        void titlesAndLines() {
            assertThat(at(plan, 0).title()).isEqualTo("指导思想和工作目标");
            assertThat(at(plan, 1, 0).title()).isEqualTo("实施青少年科学素质提升行动");
            assertThat(at(plan, 1, 0).line()).isEqualTo(20);
            assertThat(at(plan, 1, 0, 0).title()).isEqualTo("将科学精神贯穿于立德育人全链条");
            assertThat(at(plan, 1, 0, 0).line()).isEqualTo(22);
            assertThat(at(plan, 1, 2, 1).title()).isEqualTo("积极对接“技能中国行动”");
            assertThat(at(plan, 2, 4).title()).isEqualTo("科学素质区域交流合作工程");
            assertThat(at(plan, 3, 2, 2).title()).isEqualTo("总结评估");
            assertThat(at(plan, 3, 2, 2).line()).isEqualTo(85);
        }

        @Test
        void unitListsOfSectionsAndItems() {
            ParsedTask youth = at(plan, 1, 0);
            assertThat(youth.leadUnits()).containsExactly("县教科体局");
            assertThat(youth.cooperatingUnits()).isEmpty();
            assertThat(youth.text()).doesNotContain("牵头部门").endsWith("为加快创新型寻乌建设夯实人才基础。");

            ParsedTask first = at(plan, 1, 0, 0);
            assertThat(first.leadUnits()).containsExactly("县教科体局");
            assertThat(first.cooperatingUnits()).containsExactly("县科协", "团县委");
            assertThat(first.text()).endsWith("培养学生爱国情怀、社会责任感、创新精神和实践能力。");

            // "…县市场监管局等成员单位按职责分工负责": the tail is dropped
            assertThat(at(plan, 1, 0, 4).cooperatingUnits()).containsExactly("县科协", "县科创中心", "团县委",
                    "县自然资源局", "寻乌生态环境局", "县文广新旅局", "县卫健委", "县应急管理局", "县市场监管局");

            assertThat(at(plan, 1, 2).leadUnits()).containsExactly("县人社局", "县总工会");
            assertThat(at(plan, 1, 2, 0).leadUnits()).containsExactly("县总工会");
            assertThat(at(plan, 1, 2, 0).cooperatingUnits())
                    .containsExactly("县妇联", "县委宣传部", "县人社局", "县文广新旅局", "县社联");
            assertThat(at(plan, 1, 3).leadUnits()).containsExactly("县民政局", "县卫健委");

            // "（县委组织部按职责负责）"
            assertThat(at(plan, 1, 4, 2).leadUnits()).containsExactly("县委组织部");
            assertThat(at(plan, 1, 4, 2).cooperatingUnits()).isEmpty();

            // "（牵头单位：县科创中心、县教科体局、县科协）"
            assertThat(at(plan, 2, 2).leadUnits()).containsExactly("县科创中心", "县教科体局", "县科协");

            // a section without a list has empty lists; its items keep their own lists, nothing is inherited
            assertThat(at(plan, 2, 1).leadUnits()).isEmpty();
            assertThat(at(plan, 2, 1).cooperatingUnits()).isEmpty();
            assertThat(at(plan, 2, 1, 0).leadUnits()).containsExactly("县委宣传部");
            assertThat(at(plan, 2, 1, 0).cooperatingUnits()).contains("县市场质量监管局", "县新时代文明促进中心");
            assertThat(at(plan, 3, 1, 0).leadUnits()).isEmpty();
            assertThat(at(plan, 3, 1, 0).cooperatingUnits()).isEmpty();
        }

        @Test
        void unitLinkTotals() {
            assertThat(all(plan).stream().mapToInt(t -> t.leadUnits().size()).sum()).isEqualTo(46);
            assertThat(all(plan).stream().mapToInt(t -> t.cooperatingUnits().size()).sum()).isEqualTo(171);
            // 8 sections (two with two leads, one with three) and 34 items
            assertThat(all(plan).stream().filter(t -> !t.leadUnits().isEmpty())).hasSize(42);
            assertThat(plan.tasks().subList(0, 4).stream().flatMap(t -> PlanTextFixtures.all(
                    new ParsedPlan(null, null, null, null, null, null, null, List.of(t), List.of())).stream()))
                    .noneMatch(t -> t.text().contains("按职责分工负责") || t.text().contains("牵头部门："));
        }

        @Test
        void memberUnitDutiesArePartOfTheTreeWithoutUnitLists() {
            ParsedTask duties = at(plan, 4);
            assertThat(duties.style()).isEqualTo(NumberingStyle.NONE);
            assertThat(duties.numbering()).isEmpty();
            assertThat(duties.title()).isEqualTo("寻乌县实施全民科学素质行动计划纲要工作领导小组成员单位职责");
            assertThat(duties.line()).isEqualTo(86);
            assertThat(duties.text()).contains("各成员单位职责分工如下");
            assertThat(numberings(duties.children())).containsExactly("一、", "二、", "三、");
            assertThat(childCounts(duties)).containsExactly(5, 0, 6);
            assertThat(duties.children().get(0).children().get(0).title()).isEqualTo("青少年科学素质提升行动");
            assertThat(duties.children().get(0).children().get(0).text()).contains("牵头部门：县教科体局");
            assertThat(duties.children().get(1).text()).contains("县委办：").contains("县科协：做好县全民科学素质领导小组办公室日常工作");
            List<ParsedTask> inDuties = PlanTextFixtures.all(
                    new ParsedPlan(null, null, null, null, null, null, null, List.of(duties), List.of()));
            assertThat(inDuties).hasSize(15);
            assertThat(inDuties).allMatch(t -> t.leadUnits().isEmpty() && t.cooperatingUnits().isEmpty());
            assertThat(plan.warnings()).anyMatch(w -> w.startsWith("第 86 行：") && w.contains("不读作责任单位"));
            // the item before the duties keeps only its own text
            assertThat(at(plan, 3, 2, 2).text()).doesNotContain("成员单位职责");
        }

        @Test
        void targets() {
            List<TargetProposal> targets = all(plan).stream().flatMap(t -> t.targets().stream()).toList();
            assertThat(targets).hasSize(9);

            assertThat(at(plan, 1, 1, 1).targets()).containsExactly(
                    target("农民教育培训", 5000, "人次", Comparator.AT_LEAST, 2025, sentenceWith(plan, "开展农民教育培训5000人次以上")),
                    target("农村创业创新带头人", 500, "名", Comparator.AT_LEAST, 2025, sentenceWith(plan, "开展农民教育培训5000人次以上")));
            assertThat(at(plan, 1, 1, 1).targets().get(0).sentence())
                    .startsWith("加大农民职业技能鉴定和技能等级认定").endsWith("培育农村创业创新带头人500名以上。");

            String skills = "实施技能大师培养工程，加大技能人才培养综合园区、高技能人才培训基地、技能大师工作室等建设力度，"
                    + "到2025年，建设5家市级技能大师工作室、1个县级高技能人才培训基地。";
            assertThat(at(plan, 1, 2, 1).targets()).containsExactly(
                    target("市级技能大师工作室", 5, "家", Comparator.EXACTLY, 2025, skills),
                    target("县级高技能人才培训基地", 1, "个", Comparator.EXACTLY, 2025, skills));

            assertThat(at(plan, 1, 3, 0).targets()).extracting(TargetProposal::subject, TargetProposal::quantity,
                    TargetProposal::unitOfMeasure, TargetProposal::comparator, TargetProposal::deadlineYear)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("教学点", new BigDecimal("50"), "个", Comparator.AT_LEAST, 2025),
                            org.assertj.core.groups.Tuple.tuple("智能手机应用和预防电信网络诈骗科普培训", new BigDecimal("30000"),
                                    "人次", Comparator.AT_LEAST, 2025));

            String bases = "到2025年，力争获批国家级科普（教育）基地1家，省级4家，市级8家。";
            assertThat(at(plan, 2, 2, 1).targets()).containsExactly(
                    target("国家级科普（教育）基地", 1, "家", Comparator.EXACTLY, 2025, bases),
                    target("省级科普（教育）基地", 4, "家", Comparator.EXACTLY, 2025, bases),
                    target("市级科普（教育）基地", 8, "家", Comparator.EXACTLY, 2025, bases));
        }

        private static String sentenceWith(ParsedPlan plan, String part) {
            return all(plan).stream().flatMap(t -> t.targets().stream()).map(TargetProposal::sentence)
                    .filter(s -> s.contains(part)).findFirst().orElseThrow();
        }
    }

    static TargetProposal target(String subject, long quantity, String unit, Comparator comparator, Integer year,
            String sentence) {
        return new TargetProposal(subject, BigDecimal.valueOf(quantity), unit, comparator, year, sentence);
    }
}
