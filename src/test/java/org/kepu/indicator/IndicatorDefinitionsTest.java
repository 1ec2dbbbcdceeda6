package org.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.indicator.internal.ElementCommands;
import org.kepu.indicator.internal.ElementData;
import org.kepu.indicator.internal.IndicatorCommands;
import org.kepu.indicator.internal.IndicatorData;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.Period;
import org.kepu.shared.Role;
import org.kepu.shared.web.PageContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data elements and indicators as data: checks with Chinese messages, cycles, versions, audit. */
@KepuIntegrationTest
class IndicatorDefinitionsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElementCommands elements;

    @Autowired
    IndicatorCommands commands;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MessageSource messages;

    IndicatorFixture fixture;
    CurrentUser office;

    @BeforeEach
    void setUp() {
        fixture = new IndicatorFixture(jdbc).load();
        office = fixture.user("ind-office", Role.OFFICE_ADMIN, IndicatorFixture.COUNTY);
        cleanUp();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from indicator where code like 'def\\_%'").update();
        jdbc.sql("delete from indicator_data_element where code like 'def\\_%'").update();
    }

    String message(Runnable r) {
        try {
            IndicatorValuesTest.as(office, () -> {
                r.run();
                return null;
            });
        } catch (KepuException e) {
            return messages.getMessage(e.messageKey(), e.args(), PageContext.LOCALE);
        }
        throw new AssertionError("no error");
    }

    long indicator(String code, String formula) {
        return IndicatorValuesTest.as(office, () -> commands.create(office, new IndicatorData(code, "测试 " + code,
                formula, "场", 0, null, 900, true)));
    }

    @Test
    void formulasAreCheckedWithChineseMessages() {
        assertThat(message(() -> indicator("def_a", "activities +"))).isEqualTo("公式不完整：结尾缺少运算数。");
        assertThat(message(() -> indicator("def_a", "activities * (participants"))).isEqualTo(
                "公式第 14 个字符处的括号不配对。");
        assertThat(message(() -> indicator("def_a", "activities / nothing_here"))).isEqualTo(
                "公式中的代码“nothing_here”不存在：既不是数据元素、指标，也不是区划属性（population、villages、townships）。");
        assertThat(message(() -> indicator("Def-A", "activities"))).startsWith("「代码」“Def-A”格式不对");
        assertThat(message(() -> indicator("population", "activities"))).isEqualTo(
                "「代码」“population”是区划属性的保留字，请换一个。");
        assertThat(message(() -> indicator("activities", "1"))).isEqualTo("「代码」“activities”已被数据元素“科普活动场次”使用。");
        assertThat(jdbc.sql("select count(*) from indicator where code like 'def\\_%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void cyclesThroughOtherIndicatorsAreRefusedAndReferencesEvaluate() {
        long a = indicator("def_a", "activities");
        long b = indicator("def_b", "def_a * 2 + participants / 10");
        assertThat(IndicatorValuesTest.as(office, () -> indicators.value(b, IndicatorFixture.COUNTY,
                Period.year(IndicatorFixture.YEAR))).text()).isEqualTo("253");
        int version = indicators.get(a).version();
        assertThat(message(() -> commands.update(office, a, version, new IndicatorData("def_a", "测试", "def_b - 1",
                "场", 0, null, 0, true)))).isEqualTo("公式循环引用：def_a → def_b → def_a。");
        assertThat(message(() -> commands.update(office, a, version, new IndicatorData("def_a", "测试", "def_a + 1",
                "场", 0, null, 0, true)))).isEqualTo("公式循环引用：def_a → def_a。");
        assertThat(message(() -> commands.delete(office, a, version))).isEqualTo(
                "该指标正被指标“测试 def_b”的公式引用，不能删除。");
    }

    @Test
    void elementsAreCheckedAndKeptInUseAndAStaleVersionIsAConflict() {
        assertThat(message(() -> elements.create(office, new ElementData("def_e", "测试", "activity", "SUM",
                "nonsense", Map.of(), null)))).isEqualTo("所选台账不支持这种汇总方式，请重新选择。");
        assertThat(message(() -> elements.create(office, new ElementData("def_e", "测试", "activity", "COUNT", null,
                Map.of("keyGroup", "MARTIANS"), null)))).isEqualTo("筛选条件「重点人群」的值“MARTIANS”不在可选范围内。");
        assertThat(message(() -> elements.create(office, new ElementData("def_e", "测试", "nowhere", "COUNT", null,
                Map.of(), null)))).isEqualTo("请选择台账。");
        long e = IndicatorValuesTest.as(office, () -> elements.create(office, new ElementData("def_e", "青少年讲座",
                "activity", "COUNT", null, Map.of("keyGroup", "YOUTH", "format", "LECTURE"), null)));
        indicator("def_youth_lectures", "def_e");
        // #1 and #5 are lectures for young people
        assertThat(IndicatorValuesTest.as(office, () -> indicators.value(indicators.findByCode("def_youth_lectures")
                .orElseThrow().id(), IndicatorFixture.COUNTY, Period.year(IndicatorFixture.YEAR))).text())
                .isEqualTo("2");
        assertThat(message(() -> elements.delete(office, e, 0))).isEqualTo(
                "该数据元素正被指标“测试 def_youth_lectures”的公式引用，不能删除。");
        IndicatorValuesTest.as(office, () -> {
            elements.update(office, e, 0, new ElementData("def_e", "青少年活动", "activity", "COUNT", null,
                    Map.of("keyGroup", "YOUTH"), null));
            return null;
        });
        assertThat(jdbc.sql("select cache_state from indicator_data_element where id = :id").param("id", e)
                .query(String.class).single()).isEqualTo("BUILDING");
        assertThat(IndicatorValuesTest.as(office, () -> indicators.value(indicators.findByCode("def_youth_lectures")
                .orElseThrow().id(), IndicatorFixture.COUNTY, Period.year(IndicatorFixture.YEAR))).text())
                .isEqualTo("2");
        assertThatThrownBy(() -> IndicatorValuesTest.as(office, () -> {
            elements.update(office, e, 0, new ElementData("def_e", "x", "activity", "COUNT", null, Map.of(), null));
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'indicator_data_element'"
                + " and entity_id = :id").param("id", Long.toString(e)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void onlyOfficeAdminsChangeDefinitions() {
        CurrentUser township = fixture.user("ind-township-a", Role.TOWNSHIP_ADMIN, IndicatorFixture.A);
        assertThatThrownBy(() -> IndicatorValuesTest.as(township, () -> commands.create(township,
                new IndicatorData("def_x", "x", "activities", "", 0, null, 0, true))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> IndicatorValuesTest.as(township, () -> elements.create(township,
                new ElementData("def_x", "x", "activity", "COUNT", null, Map.of(), null))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(jdbc.sql("select count(*) from indicator_data_element where code = 'def_x'").query(Long.class)
                .single()).isZero();
        assertThatThrownBy(() -> Period.parse("2025-13")).isInstanceOf(BadRequestException.class);
    }
}
