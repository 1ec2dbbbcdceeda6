package org.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.activity.Activity;
import org.kepu.activity.ActivityInput;
import org.kepu.activity.ActivityService;
import org.kepu.activity.ledger.ImportResult;
import org.kepu.activity.ledger.LedgerImportService;
import org.kepu.indicator.internal.CacheCheck;
import org.kepu.indicator.internal.CacheMaintenance;
import org.kepu.indicator.internal.ElementCommands;
import org.kepu.indicator.internal.ElementData;
import org.kepu.indicator.internal.IndicatorCommands;
import org.kepu.indicator.internal.IndicatorData;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.Period;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cache follows the ledger: a save, a submit, a verification, a deletion and an Excel import change the values
 * at once (pending changes are read from the ledger) and the refresh folds them into the cache rows; the full check
 * finds a tampered row and repairs it.
 */
@KepuIntegrationTest
class IndicatorCacheTest {

    static final int Y = IndicatorFixture.YEAR;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorService indicators;

    @Autowired
    ActivityService activities;

    @Autowired
    LedgerImportService imports;

    @Autowired
    CacheMaintenance cache;

    @Autowired
    CacheCheck check;

    @Autowired
    ElementCommands elementCommands;

    @Autowired
    IndicatorCommands indicatorCommands;

    IndicatorFixture fixture;
    CurrentUser office;
    CurrentUser townshipA;

    @BeforeEach
    void load() {
        fixture = new IndicatorFixture(jdbc).load();
        jdbc.sql("delete from activity where title like 'ind-cache-%'").update();
        office = fixture.user("ind-office", Role.OFFICE_ADMIN, IndicatorFixture.COUNTY);
        townshipA = fixture.user("ind-township-a", Role.TOWNSHIP_ADMIN, IndicatorFixture.A);
        cache.pause(true);
        cache.runOnce();
    }

    @AfterEach
    void resume() {
        cache.pause(false);
        jdbc.sql("delete from activity where title like 'ind-cache-%'").update();
    }

    String text(String code, String division, Period p) {
        return IndicatorValuesTest.as(office, () -> indicators.value(indicators.findByCode(code).orElseThrow().id(),
                division, p)).text();
    }

    BigDecimal countyRow(String elementCode, Period p) {
        return jdbc.sql("""
                select coalesce(sum(v.value), 0) from indicator_value v join indicator_data_element e on e.id = v.element_id
                where e.code = :c and v.level = 3 and v.area_path = :a and v.period_start = :s and v.period_end = :x
                """).param("c", elementCode).param("a", IndicatorFixture.COUNTY_PATH).param("s", p.start())
                .param("x", p.end()).query(BigDecimal.class).single();
    }

    long pending() {
        return jdbc.sql("select count(*) from indicator_change where area_path like :p").param("p",
                IndicatorFixture.COUNTY_PATH + "%").query(Long.class).single();
    }

    ActivityInput input(String title, LocalDateTime start) {
        return new ActivityInput(title, "SCI_TECH_WEEK", "TRAINING", List.of(KeyGroup.FARMER), start,
                start.plusHours(2), IndicatorFixture.A1, fixture.unitId(IndicatorFixture.UNIT_KX), List.of(), 70, 5,
                0, 2, null, "指标缓存测试");
    }

    @Test
    void pendingChangesAreReadFromTheLedgerUntilTheRefreshFoldsThemIn() {
        Period year = Period.year(Y);
        assertThat(countyRow("activities", year)).isEqualByComparingTo("8");
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                                      division_path, status)
                select 'ind-cache-sql', 'OTHER', 'OTHER', '{}', timestamptz '2091-06-10 10:00+08',
                       timestamptz '2091-06-10 11:00+08', code, path, 'VERIFIED' from division where code = :c
                """).param("c", IndicatorFixture.B2).update();
        assertThat(pending()).isEqualTo(1);
        // the cache row is stale, the value is not
        assertThat(countyRow("activities", year)).isEqualByComparingTo("8");
        assertThat(text("activity_count", IndicatorFixture.COUNTY, year)).isEqualTo("9");
        assertThat(text("activity_count", IndicatorFixture.B, year)).isEqualTo("4");
        assertThat(text("activity_count", IndicatorFixture.A, year)).isEqualTo("4");
        assertThat(text("villages_reached_count", IndicatorFixture.B, Period.quarter(Y, 2))).isEqualTo("1");
        assertThat(text("activity_count", IndicatorFixture.COUNTY, Period.parse("2091-05-15..2091-12-31")))
                .isEqualTo("5");
        CacheMaintenance.Result r = cache.runOnce();
        assertThat(r.townships()).isGreaterThanOrEqualTo(1);
        assertThat(pending()).isZero();
        assertThat(countyRow("activities", year)).isEqualByComparingTo("9");
        assertThat(countyRow("villages_reached", Period.quarter(Y, 2))).isEqualByComparingTo("2");
        assertThat(text("activity_count", IndicatorFixture.COUNTY, year)).isEqualTo("9");
        assertThat(check.differences()).isEmpty();
    }

    @Test
    void savingSubmittingVerifyingAndDeletingChangeTheValues() {
        Period year = Period.year(Y);
        long all = createAllStatusIndicator();
        try {
            Activity draft = IndicatorValuesTest.as(townshipA,
                    () -> activities.create(input("ind-cache-1", LocalDateTime.of(Y, 6, 15, 9, 0))));
            // a draft counts in "all statuses" only (10 fixture activities of 2091 + 1)
            assertThat(text("activity_count", IndicatorFixture.COUNTY, year)).isEqualTo("8");
            assertThat(allValue(all, year)).isEqualTo("11");
            Activity submitted = IndicatorValuesTest.as(townshipA,
                    () -> activities.submit(draft.id(), draft.version()));
            assertThat(text("activity_count", IndicatorFixture.COUNTY, year)).isEqualTo("9");
            assertThat(text("farmer_training", IndicatorFixture.COUNTY, year)).isEqualTo("235");
            assertThat(text("verified_share", IndicatorFixture.COUNTY, year)).isEqualTo("55.6");
            cache.runOnce();
            assertThat(countyRow("activities", year)).isEqualByComparingTo("9");
            assertThat(countyRow("farmer_training_participants", Period.month(Y, 6))).isEqualByComparingTo("75");
            IndicatorValuesTest.as(townshipA, () -> activities.verify(submitted.id(), submitted.version()));
            assertThat(text("verified_share", IndicatorFixture.COUNTY, year)).isEqualTo("66.7");
            cache.runOnce();
            assertThat(countyRow("activities_verified", year)).isEqualByComparingTo("6");
            assertThat(text("verified_share", IndicatorFixture.COUNTY, year)).isEqualTo("66.7");

            Activity second = IndicatorValuesTest.as(townshipA,
                    () -> activities.create(input("ind-cache-2", LocalDateTime.of(Y, 7, 1, 9, 0))));
            cache.runOnce();
            assertThat(allValue(all, year)).isEqualTo("12");
            TestFixtures.runAs(townshipA, () -> activities.deleteDraft(second.id(), second.version()));
            assertThat(allValue(all, year)).isEqualTo("11");
            cache.runOnce();
            assertThat(allValue(all, year)).isEqualTo("11");
            // July keeps fixture #6 only
            assertThat(countyRow("ind_all_activities", Period.month(Y, 7))).isEqualByComparingTo("1");
            assertThat(check.differences()).isEmpty();
        } finally {
            dropAllStatusIndicator(all);
        }
    }

    @Test
    void anExcelImportChangesTheValuesAsOneBulkChange() throws IOException {
        Period year = Period.year(Y);
        long all = createAllStatusIndicator();
        try {
            assertThat(allValue(all, year)).isEqualTo("10");
            String tag = "ind-cache-import-" + UUID.randomUUID().toString().substring(0, 8);
            Path file = ledger(tag, 5);
            ImportResult result = IndicatorValuesTest.as(townshipA,
                    () -> imports.importFile(file, file.getFileName().toString(), townshipA));
            assertThat(result.errors()).isEmpty();
            assertThat(result.imported()).isEqualTo(5);
            // one statement for the five rows: one (township, month) change
            assertThat(pending()).isEqualTo(1);
            assertThat(allValue(all, year)).isEqualTo("15");
            assertThat(text("activity_count", IndicatorFixture.COUNTY, year)).isEqualTo("8");
            cache.runOnce();
            assertThat(pending()).isZero();
            assertThat(countyRow("ind_all_activities", year)).isEqualByComparingTo("15");
            assertThat(allValue(all, Period.month(Y, 8))).isEqualTo("5");
            jdbc.sql("delete from activity where title like :t").param("t", tag + "%").update();
        } finally {
            dropAllStatusIndicator(all);
        }
    }

    @Test
    void theFullCheckFindsATamperedRowAndRepairsIt() {
        assertThat(check.differences()).isEmpty();
        jdbc.sql("""
                update indicator_value set value = value + 5
                where level = 3 and area_path = :a and period_start = :s and period_end = :e
                  and element_id = (select id from indicator_data_element where code = 'participants')
                """).param("a", IndicatorFixture.COUNTY_PATH).param("s", Period.year(Y).start())
                .param("e", Period.year(Y).end()).update();
        List<CacheCheck.Difference> found = check.checkAndRepair();
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.element()).isEqualTo("participants");
            assertThat(d.level()).isEqualTo(3);
            assertThat(d.stored().subtract(d.expected())).isEqualByComparingTo("5");
        });
        // rebuilt: reads are direct meanwhile, then the cache is right again
        assertThat(text("participant_count", IndicatorFixture.COUNTY, Period.year(Y))).isEqualTo("2370");
        cache.runOnce();
        assertThat(countyRow("participants", Period.year(Y))).isEqualByComparingTo("2370");
        assertThat(check.differences()).isEmpty();
    }

    private String allValue(long indicatorId, Period p) {
        return IndicatorValuesTest.as(office, () -> indicators.value(indicatorId, IndicatorFixture.COUNTY, p)).text();
    }

    private long createAllStatusIndicator() {
        dropLeftovers();
        return IndicatorValuesTest.as(office, () -> {
            elementCommands.create(office, new ElementData("ind_all_activities", "全部状态的活动", "activity", "COUNT",
                    null, Map.of("status", "ALL"), null));
            return indicatorCommands.create(office, new IndicatorData("ind_all", "全部状态的活动场次",
                    "ind_all_activities", "场", 0, null, 999, true));
        });
    }

    private void dropAllStatusIndicator(long id) {
        dropLeftovers();
    }

    private void dropLeftovers() {
        jdbc.sql("delete from indicator where code = 'ind_all'").update();
        jdbc.sql("delete from indicator_data_element where code = 'ind_all_activities'").update();
    }

    /** A ledger file of {@code rows} activities at 甲一村 in August 2091 (all drafts once imported). */
    private static Path ledger(String tag, int rows) throws IOException {
        List<String> header = List.of("活动名称", "活动主题", "重点人群", "活动形式", "开始时间", "结束时间",
                "举办地点（乡镇/村）", "主办单位", "协办单位", "现场参与人数", "线上参与人数", "发放资料（份）", "志愿者人数",
                "媒体报道", "活动简介");
        Path file = Files.createTempFile("ind-ledger-", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("台账");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 1; r <= rows; r++) {
                List<Object> values = List.of(tag + " 第" + r + "场", "科技活动周", "农民", "培训",
                        "2091-08-" + (10 + r) + " 09:00", "2091-08-" + (10 + r) + " 11:00", "甲一村",
                        IndicatorFixture.UNIT_KX, "", 10, 0, 0, 0, "", "导入测试");
                Row row = s.createRow(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Integer n) {
                        row.createCell(i).setCellValue(n);
                    } else {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
