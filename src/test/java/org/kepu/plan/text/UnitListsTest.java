package org.kepu.plan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitListsTest {

    @Test
    void firstNameOfAResponsibilityListLeads() {
        var r = UnitLists.extract("开展科普活动。（县科协、县教科体局、团县委按职责分工负责）");
        assertThat(r.leads()).containsExactly("县科协");
        assertThat(r.cooperating()).containsExactly("县教科体局", "团县委");
        assertThat(r.text()).isEqualTo("开展科普活动。");
    }

    @Test
    void aLeadClauseMakesEveryOtherListedNameCooperating() {
        var r = UnitLists.extract("开展科普活动。（牵头单位：团县委）（县科协、县教科体局、团县委按职责分工负责）");
        assertThat(r.leads()).containsExactly("团县委");
        assertThat(r.cooperating()).containsExactly("县科协", "县教科体局");
        assertThat(r.text()).isEqualTo("开展科普活动。");
    }

    @Test
    void labelledListsWithAndWithoutParentheses() {
        var r = UnitLists.extract("加强宣传。（牵头单位：县委宣传部；配合单位：县融媒体中心，县科协）");
        assertThat(r.leads()).containsExactly("县委宣传部");
        assertThat(r.cooperating()).containsExactly("县融媒体中心", "县科协");

        var lines = UnitLists.extract("加强宣传。\n牵头单位：县委宣传部\n配合单位：县融媒体中心、县科协");
        assertThat(lines.leads()).containsExactly("县委宣传部");
        assertThat(lines.cooperating()).containsExactly("县融媒体中心", "县科协");
        assertThat(lines.text()).isEqualTo("加强宣传。");

        var inline = UnitLists.extract("加强宣传。牵头单位：县委宣传部；责任单位：县科协、县融媒体中心。");
        assertThat(inline.leads()).containsExactly("县委宣传部");
        assertThat(inline.cooperating()).containsExactly("县科协", "县融媒体中心");
        assertThat(inline.text()).isEqualTo("加强宣传。");
    }

    @Test
    void leadThenCooperating() {
        var r = UnitLists.extract("做好统计。（县科创中心牵头，县统计局、县科协配合）");
        assertThat(r.leads()).containsExactly("县科创中心");
        assertThat(r.cooperating()).containsExactly("县统计局", "县科协");
    }

    @Test
    void tailsConjunctionsAndCollectives() {
        var r = UnitLists.extract("开展活动（县科协、县林业局等成员单位按职责分工负责）");
        assertThat(r.leads()).containsExactly("县科协");
        assertThat(r.cooperating()).containsExactly("县林业局");

        var and = UnitLists.extract("开展活动（县卫健委和县市场监管局及各乡镇负责）");
        assertThat(and.leads()).containsExactly("县卫健委");
        assertThat(and.cooperating()).containsExactly("县市场监管局", "各乡镇");
        assertThat(UnitNames.isCollective("各乡镇")).isTrue();

        var notAList = UnitLists.extract("开展活动（县发展和改革委员会、县人力资源和社会保障局负责）");
        assertThat(notAList.leads()).containsExactly("县发展和改革委员会");
        assertThat(notAList.cooperating()).containsExactly("县人力资源和社会保障局");

        var duplicates = UnitLists.extract("开展活动（县科协、县科协、团县委等单位负责）");
        assertThat(duplicates.leads()).containsExactly("县科协");
        assertThat(duplicates.cooperating()).containsExactly("团县委");
    }

    @Test
    void eachResponsibilityListHasItsOwnLead() {
        var r = UnitLists.extract("开展甲（县科协负责）；开展乙（县教科体局、团县委负责）。");
        assertThat(r.leads()).containsExactly("县科协", "县教科体局");
        assertThat(r.cooperating()).containsExactly("团县委");
        assertThat(r.text()).isEqualTo("开展甲；开展乙。");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "县人民政府负责领导《实施方案》（以下简称“实施方案”）的实施工作。",
        "依托新时代文明实践中心（所、站)、乡（镇）、村居开展活动。",
        "开展活动（由各级政府统一负责组织实施）。",
        "开展活动（2024年负责）。",
        "开展活动（详见附件负责）。",
        "牵头单位要会同有关单位研究制定工作方案。",
    })
    void ordinaryParenthesesAreNoUnitLists(String text) {
        var r = UnitLists.extract(text);
        assertThat(r.leads()).isEmpty();
        assertThat(r.cooperating()).isEmpty();
        assertThat(r.text()).isEqualTo(text);
    }
}
