package org.kepu.plan.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetFinderTest {

    private static List<TargetProposal> find(String text) {
        return TargetFinder.find(text, 2021, 2025);
    }

    private static TargetProposal only(String text) {
        List<TargetProposal> found = find(text);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void assertTarget(TargetProposal t, String subject, String quantity, String unit,
            Comparator comparator, Integer year) {
        assertThat(t.subject()).isEqualTo(subject);
        assertThat(t.quantity()).isEqualByComparingTo(new BigDecimal(quantity));
        assertThat(t.unitOfMeasure()).isEqualTo(unit);
        assertThat(t.comparator()).isEqualTo(comparator);
        assertThat(t.deadlineYear()).isEqualTo(year);
    }

    @Test
    void levelsOfBasesShareTheirNoun() {
        List<TargetProposal> found = find("城乡社区综合服务设施拓展科普服务功能。到2030年，力争获批国家级科普（教育）基地1家，省级4家，市级8家。");
        assertThat(found).hasSize(3);
        assertTarget(found.get(0), "国家级科普（教育）基地", "1", "家", Comparator.EXACTLY, 2030);
        assertTarget(found.get(1), "省级科普（教育）基地", "4", "家", Comparator.EXACTLY, 2030);
        assertTarget(found.get(2), "市级科普（教育）基地", "8", "家", Comparator.EXACTLY, 2030);
        assertThat(found.get(0).sentence()).isEqualTo("到2030年，力争获批国家级科普（教育）基地1家，省级4家，市级8家。");
    }

    @Test
    void subjectBeforeTheNumber() {
        assertTarget(only("开展农民教育培训5000人次以上。"), "农民教育培训", "5000", "人次", Comparator.AT_LEAST, 2025);
        assertTarget(only("全县科普示范学校达到10所。"), "科普示范学校", "10", "所", Comparator.AT_LEAST, 2025);
        assertTarget(only("村级科普宣传栏不少于200块。"), "村级科普宣传栏", "200", "块", Comparator.AT_LEAST, 2025);
        assertTarget(only("每年举办科普讲座20余场。"), "科普讲座", "20", "场", Comparator.AT_LEAST, 2025);
        assertTarget(only("培训时长控制在40小时以内。"), "培训时长", "40", "小时", Comparator.AT_MOST, 2025);
    }

    @Test
    void perCapitaFundingAndCoverage() {
        assertTarget(only("科普经费达到人均1元以上。"), "人均科普经费", "1", "元", Comparator.AT_LEAST, 2025);
        assertTarget(only("确保2022年科普经费达到人均1元以上。"), "人均科普经费", "1", "元", Comparator.AT_LEAST, 2022);
        assertTarget(only("村（社区）科普活动室覆盖率达到60%以上。"), "村（社区）科普活动室覆盖率", "60", "%",
                Comparator.AT_LEAST, 2025);
        assertTarget(only("公民具备科学素质的比例达到百分之十五。"), "公民具备科学素质的比例", "15", "%", Comparator.AT_LEAST, 2025);
        assertTarget(only("覆盖率达到60％以上。"), "覆盖率", "60", "%", Comparator.AT_LEAST, 2025);
    }

    @Test
    void subjectAfterTheNumber() {
        assertTarget(only("在全县设立50个以上教学点。"), "教学点", "50", "个", Comparator.AT_LEAST, 2025);
        assertTarget(only("完成3万人次以上智能手机应用和预防电信网络诈骗科普培训。"), "智能手机应用和预防电信网络诈骗科普培训",
                "30000", "人次", Comparator.AT_LEAST, 2025);
        assertTarget(only("培育500名科普志愿者。"), "科普志愿者", "500", "名", Comparator.EXACTLY, 2025);
        assertTarget(only("建设5个技能大师工作室。"), "技能大师工作室", "5", "个", Comparator.EXACTLY, 2025);
        assertTarget(only("新增1.5万名注册科技志愿者。"), "注册科技志愿者", "15000", "名", Comparator.EXACTLY, 2025);
        List<TargetProposal> two = find("到2024年，建设5家市级技能大师工作室、1个县级高技能人才培训基地。");
        assertTarget(two.get(0), "市级技能大师工作室", "5", "家", Comparator.EXACTLY, 2024);
        assertTarget(two.get(1), "县级高技能人才培训基地", "1", "个", Comparator.EXACTLY, 2024);
    }

    @Test
    void chineseNumeralsThatAreCounts() {
        assertTarget(only("建设三个科普基地。"), "科普基地", "3", "个", Comparator.EXACTLY, 2025);
        assertTarget(only("每年组织两次以上科普宣传。"), "科普宣传", "2", "次", Comparator.AT_LEAST, 2025);
        assertTarget(only("培训农技人员两千人次。"), "培训农技人员", "2000", "人次", Comparator.EXACTLY, 2025);
    }

    @Test
    void deadlineIsTheYearWrittenBeforeTheNumberOrThePeriodEnd() {
        List<TargetProposal> found = find("全县科普示范学校达到10所，2023年底前建成科普馆1座。");
        assertThat(found).extracting(TargetProposal::deadlineYear).containsExactly(2025, 2023);
        assertThat(TargetFinder.find("建设科普馆1座。", null, null).get(0).deadlineYear()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "坚定捍卫“两个确立”，不断增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
        "2024年是新中国成立75周年。",
        "根据寻府办字〔2022〕5号文件，2024年7月31日印发，各单位12月20日前报送。",
        "经2022年1月13日县政府第10次常务会议研究。",
        "持续深入落实“1116”总体工作思路，推行“1+X”证书制度，开展“6.5世界环境日”活动。",
        "组建“百人科普讲师团”，开展“科普五进”活动。",
        "实施五项重点工程，开展两年一届的评比，树立五大人群的典型，每年确定一个工作主题，安排一次以上学习。",
        "到2025年，科普经费比2020年提高20%，公民具备科学素质比例提高3个百分点。",
        "科普经费同比增长10%以上。",
        "全县已建成科普基地12家，目前有科普志愿者3000名。",
        "2018年，我县公民具备科学素质的比例为8.7%。",
        "开展了科普活动20余次，参与人数达4.3万人。",
        "低于全国平均水平（10.56%）。",
        "县委十五届四次、五次、六次全会精神。",
    })
    void noFalseTargets(String text) {
        assertThat(find(text)).isEmpty();
    }
}
