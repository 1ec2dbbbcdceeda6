package org.kepu.activity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class LedgerImportTest {

    @Autowired
    LedgerImportService imports;

    @Autowired
    JdbcClient jdbc;

    TestFixtures fixtures;
    CurrentUser townshipA;
    CurrentUser county;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        townshipA = fixtures.user("ledger-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        county = fixtures.user("ledger-county", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
    }

    ImportResult run(Path file, CurrentUser user) {
        AtomicReference<ImportResult> result = new AtomicReference<>();
        TestFixtures.runAs(user, () -> result.set(imports.importFile(file, file.getFileName().toString(), user)));
        return result.get();
    }

    long count(String titlePrefix) {
        return jdbc.sql("select count(*) from activity where title like :t").param("t", titlePrefix + "%")
                .query(Long.class).single();
    }

    static String tag() {
        return "导入测试-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void importsEveryRowOfAGoodFileAsDraftsAndAuditsOnce() throws Exception {
        String tag = tag();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(LedgerFiles.row(tag + " 第" + i + "场"));
        }
        long auditsBefore = jdbc.sql("select count(*) from audit_log where action = 'IMPORT'").query(Long.class).single();
        ImportResult r = run(LedgerFiles.write(rows), townshipA);

        assertThat(r.errors()).isEmpty();
        assertThat(r.success()).isTrue();
        assertThat(r.imported()).isEqualTo(5);
        var saved = jdbc.sql("""
                select status, theme_code, format_code, array_to_string(key_groups, ','), division_code,
                       participants_onsite, participants_online, materials_count, volunteers_count, created_by,
                       import_batch_id, to_char(starts_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
                       (select count(*) from activity_co_organizer co where co.activity_id = a.id)
                from activity a where title = :t""").param("t", tag + " 第1场")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getLong(10),
                        rs.getLong(11), rs.getString(12), rs.getLong(13)))
                .single();
        assertThat(saved).containsExactly("DRAFT", "NATIONAL_SCIENCE_DAY", "LECTURE", "YOUTH,ELDERLY",
                TestFixtures.TOWNSHIP_A, 120, 30, 200, 5, townshipA.id(), r.batchId(), "2024-05-20 14:30", 1L);
        assertThat(count(tag)).isEqualTo(5);
        assertThat(jdbc.sql("select row_count from activity_import where id = :id").param("id", r.batchId())
                .query(Integer.class).single()).isEqualTo(5);
        long auditsAfter = jdbc.sql("select count(*) from audit_log where action = 'IMPORT'").query(Long.class).single();
        assertThat(auditsAfter - auditsBefore).isEqualTo(1);
        assertThat(jdbc.sql("select username from audit_log where action = 'IMPORT' and entity_id = :id")
                .param("id", r.batchId().toString()).query(String.class).single()).isEqualTo("ledger-township-a");
    }

    @Test
    void keepsBackslashesTabsAndLineBreaksAndGivesEachRowItsOwnCoOrganisers() throws Exception {
        String tag = tag();
        // Characters that COPY's text format escapes, in title, media and description.
        List<Object> special = new ArrayList<>(LedgerFiles.row(tag + " 路径C:\\科普\\N"));
        special.set(13, "县融媒体中心\t第二频道");
        special.set(14, "第一段\n第二段\r\n第三段 \\N 结尾\\");
        special.set(8, "");
        List<Object> noCo = new ArrayList<>(LedgerFiles.row(tag + " 无协办"));
        noCo.set(8, "");
        noCo.set(13, "");
        List<Object> withCo = LedgerFiles.row(tag + " 有协办");
        ImportResult r = run(LedgerFiles.write(List.of(special, noCo, withCo, noCo.stream()
                .map(v -> v.equals(tag + " 无协办") ? tag + " 无协办2" : v).toList())), county);

        assertThat(r.errors()).isEmpty();
        var saved = jdbc.sql("""
                select title, media_coverage, description,
                       (select string_agg(u.name, ',') from activity_co_organizer co join member_unit u on u.id = co.unit_id
                        where co.activity_id = a.id)
                from activity a where title like :t order by id""").param("t", tag + "%")
                .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
        assertThat(saved).hasSize(4);
        assertThat(saved.get(0)).containsExactly(tag + " 路径C:\\科普\\N", "县融媒体中心\t第二频道",
                "第一段\n第二段\r\n第三段 \\N 结尾\\", null);
        assertThat(saved.get(1)).containsExactly(tag + " 无协办", null, "简介 " + tag + " 无协办", null);
        assertThat(saved.get(2).get(0)).isEqualTo(tag + " 有协办");
        assertThat(saved.get(2).get(3)).isEqualTo("县教育局");
        assertThat(saved.get(3).get(3)).isNull();
    }

    @Test
    void listsEveryBadCellWithRowAndColumnAndWritesNothing() throws Exception {
        String tag = tag();
        List<Object> bad1 = new ArrayList<>(LedgerFiles.row(tag + " 坏1"));
        bad1.set(9, "约200");
        bad1.set(4, "五月二十日");
        List<Object> bad2 = new ArrayList<>(LedgerFiles.row(tag + " 坏2"));
        bad2.set(1, "不存在的主题");
        bad2.set(0, "");
        bad2.set(2, "青少年、外星人");
        List<Object> bad3 = new ArrayList<>(LedgerFiles.row(tag + " 坏3"));
        bad3.set(5, "2024-05-19");
        bad3.set(7, "不存在的单位");
        ImportResult r = run(LedgerFiles.write(List.of(LedgerFiles.row(tag + " 好"), bad1, bad2, bad3)), townshipA);

        assertThat(r.success()).isFalse();
        assertThat(r.errors()).extracting(ImportError::message).containsExactlyInAnyOrder(
                "第 3 行「开始时间」：应为日期，如 2024-05-20 或 2024-05-20 14:30，实际为\"五月二十日\"",
                "第 3 行「现场参与人数」：应为不小于 0 的整数，实际为\"约200\"",
                "第 4 行「活动名称」：不能为空",
                "第 4 行「活动主题」：应为以下之一：科技活动周、全国科普日、科技工作者日、科技文化卫生\"三下乡\"、防灾减灾日、世界环境日、"
                        + "食品安全宣传周、全国低碳日、公众科学日、科普大讲堂、科普进校园、其他，实际为\"不存在的主题\"",
                "第 4 行「重点人群」：应为以下一项或多项（用「、」分隔）：青少年、农民、产业工人、老年人、领导干部和公务员、社区居民、其他，实际为\"外星人\"",
                "第 5 行「结束时间」：不能早于开始时间",
                "第 5 行「主办单位」：找不到成员单位\"不存在的单位\"，请填写单位全称或简称");
        assertThat(r.errors()).extracting(ImportError::row).contains(3, 4, 5);
        assertThat(count(tag)).isZero();
    }

    @Test
    void aBadRowAfterManyWrittenChunksRollsEverythingBack() throws Exception {
        String tag = tag();
        long importsBefore = jdbc.sql("select count(*) from activity_import").query(Long.class).single();
        ImportResult r = run(LedgerFiles.large(12_000, tag, 11_990), county);
        assertThat(r.errors()).extracting(ImportError::message)
                .containsExactly("第 11991 行「现场参与人数」：应为不小于 0 的整数，实际为\"约200\"");
        assertThat(count(tag)).isZero();
        assertThat(jdbc.sql("select count(*) from activity_import").query(Long.class).single()).isEqualTo(importsBefore);
    }

    @Test
    void acceptsTolerantCellsMergedTitleRowsBlankRowsAndReorderedHeader() throws Exception {
        String tag = tag();
        List<String> header = new ArrayList<>(LedgerFiles.HEADER);
        java.util.Collections.reverse(header);
        header.set(header.indexOf("现场参与人数"), "参与人数");
        header.set(header.indexOf("活动名称"), "标题");
        header.add("备注");
        List<List<Object>> rows = new ArrayList<>();
        String[] starts = {"2024.5.20", "2024/5/20 9:00", "2024年5月20日", "45432", "２０２４－０５－２０　１４：３０"};
        Object[] onsite = {"１２０", "1,200人", "300人次", 45, "２,０００名"};
        for (int i = 0; i < starts.length; i++) {
            List<Object> row = new ArrayList<>(LedgerFiles.row(tag + " 宽容" + i));
            row.set(4, starts[i]);
            row.set(5, null);
            row.set(9, onsite[i]);
            row.set(6, i % 2 == 0 ? "长宁镇/城北社区" : TestFixtures.VILLAGE_A1);
            List<Object> reversed = new ArrayList<>(row);
            java.util.Collections.reverse(reversed);
            reversed.add("备注内容");
            rows.add(reversed);
            rows.add(null);
        }
        List<Object> dateCell = new ArrayList<>(LedgerFiles.row(tag + " 日期单元格"));
        dateCell.set(4, LocalDateTime.of(2024, 6, 1, 8, 0));
        dateCell.set(5, LocalDateTime.of(2024, 6, 1, 10, 0));
        java.util.Collections.reverse(dateCell);
        rows.add(dateCell);
        rows.add(null);
        ImportResult r = run(LedgerFiles.write(header, rows, 2, false), townshipA);

        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(6);
        assertThat(jdbc.sql("select sum(participants_onsite) from activity where title like :t")
                .param("t", tag + " 宽容%").query(Long.class).single()).isEqualTo(120 + 1200 + 300 + 45 + 2000);
        assertThat(jdbc.sql("select count(*) from activity where title like :t and division_code = :v")
                .param("t", tag + "%").param("v", TestFixtures.VILLAGE_A1).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select to_char(starts_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') from activity where title = :t")
                .param("t", tag + " 宽容4").query(String.class).single()).isEqualTo("2024-05-20 14:30");
        assertThat(jdbc.sql("select to_char(ends_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') from activity where title = :t")
                .param("t", tag + " 日期单元格").query(String.class).single()).isEqualTo("2024-06-01 10:00");
    }

    @Test
    void refusesAMissingRequiredColumn() throws Exception {
        List<String> header = new ArrayList<>(LedgerFiles.HEADER);
        header.set(4, "备注");
        ImportResult r = run(LedgerFiles.write(header, List.of(LedgerFiles.row(tag())), 0, false), townshipA);
        assertThat(r.errors()).extracting(ImportError::message)
                .containsExactly("缺少必填列：「开始时间」。请使用导入模板，或在表头中补上这些列。");
    }

    @Test
    void refusesTheSameFileTwice() throws Exception {
        String tag = tag();
        Path file = LedgerFiles.write(List.of(LedgerFiles.row(tag)));
        assertThat(run(file, townshipA).success()).isTrue();
        ImportResult again = run(file, townshipA);
        assertThat(again.success()).isFalse();
        assertThat(again.errors().get(0).message()).startsWith("该文件已于").endsWith("导入过（共 1 行），不能重复导入。");
        assertThat(count(tag)).isEqualTo(1);
    }

    @Test
    void refusesFilesThatAreNoXlsxWhateverTheirName() throws Exception {
        String notXlsx = "文件内容不是 Excel .xlsx 工作簿（可能只是改了扩展名），请用 Excel 或 WPS 另存为 .xlsx 后再导入。";
        byte[] exe = new byte[200];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(run(LedgerFiles.bytes(exe), townshipA).errors().get(0).message()).isEqualTo(notXlsx);
        assertThat(run(LedgerFiles.bytes("活动名称,开始时间\n讲座,2024-05-20\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                townshipA).errors().get(0).message()).isEqualTo(notXlsx);
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(run(LedgerFiles.bytes(xls), townshipA).errors().get(0).message()).contains(".xls");
        Path docxLike = LedgerFiles.zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<document/>");
        assertThat(run(docxLike, townshipA).errors().get(0).message()).isEqualTo(notXlsx);
        Path truncated = LedgerFiles.bytes(java.util.Arrays.copyOf(
                java.nio.file.Files.readAllBytes(LedgerFiles.write(List.of(LedgerFiles.row(tag())))), 300));
        assertThat(run(truncated, townshipA).success()).isFalse();
    }

    @Test
    void refusesAZipBomb() throws Exception {
        Path bomb = LedgerFiles.zipBomb(64);
        assertThat(java.nio.file.Files.size(bomb)).isLessThan(1024 * 1024);
        ImportResult r = run(bomb, townshipA);
        assertThat(r.success()).isFalse();
        assertThat(r.errors().get(0).message()).contains("压缩炸弹");
    }

    @Test
    void readsTheCachedResultOfFormulasAndReportsFormulasWithoutOne() throws Exception {
        String tag = tag();
        List<Object> formula = new ArrayList<>(LedgerFiles.row(tag + " 公式"));
        formula.set(9, "=100+20");
        formula.set(0, "=\"" + tag + " 公式\"");
        ImportResult evaluated = run(LedgerFiles.write(LedgerFiles.HEADER, List.of(formula), 0, true), townshipA);
        assertThat(evaluated.errors()).isEmpty();
        assertThat(jdbc.sql("select participants_onsite from activity where title = :t").param("t", tag + " 公式")
                .query(Integer.class).single()).isEqualTo(120);

        List<Object> uncached = new ArrayList<>(LedgerFiles.row(tag + " 无缓存"));
        uncached.set(9, "=100+20");
        ImportResult notEvaluated = run(LedgerFiles.write(LedgerFiles.HEADER, List.of(uncached), 0, false), townshipA);
        assertThat(notEvaluated.errors()).extracting(ImportError::message).containsExactly(
                "第 2 行「现场参与人数」：公式没有计算结果（=100+20），请在 Excel 中重新计算并保存，或改为直接填写数值");
    }

    @Test
    void explainsAnEmptySheetAndASheetWithoutData() throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("空");
            assertThat(run(LedgerFiles.save(wb), townshipA).errors()).extracting(ImportError::message)
                    .containsExactly("工作表是空的：第一个工作表中没有表头，也没有数据。");
        }
        List<List<Object>> blankRows = new ArrayList<>();
        blankRows.add(null);
        assertThat(run(LedgerFiles.write(LedgerFiles.HEADER, blankRows, 1, false), townshipA).errors())
                .extracting(ImportError::message).containsExactly("表格中没有活动数据：表头下面全是空行。");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("随便").createRow(0).createCell(0).setCellValue("这不是台账");
            assertThat(run(LedgerFiles.save(wb), townshipA).errors().get(0).message()).startsWith("未找到表头行");
        }
    }

    @Test
    void aTownshipUserCannotImportRowsOfAnotherTownship() throws Exception {
        String tag = tag();
        List<Object> byName = new ArrayList<>(LedgerFiles.row(tag + " B名称"));
        byName.set(6, "晨光镇");
        List<Object> byCode = new ArrayList<>(LedgerFiles.row(tag + " B代码"));
        byCode.set(6, TestFixtures.VILLAGE_B1);
        List<Object> byPath = new ArrayList<>(LedgerFiles.row(tag + " B路径"));
        byPath.set(6, "晨光镇/晨光村");
        ImportResult r = run(LedgerFiles.write(List.of(LedgerFiles.row(tag + " A"), byName, byCode, byPath)), townshipA);
        assertThat(r.errors()).extracting(ImportError::message).containsExactly(
                "第 3 行「举办地点（乡镇/村）」：找不到\"晨光镇\"，或该地点不在您的管理范围内",
                "第 4 行「举办地点（乡镇/村）」：找不到\"360734101001\"，或该地点不在您的管理范围内",
                "第 5 行「举办地点（乡镇/村）」：找不到\"晨光镇/晨光村\"，或该地点不在您的管理范围内");
        assertThat(count(tag)).isZero();

        assertThat(run(LedgerFiles.write(List.of(byName, byCode, byPath)), county).imported()).isEqualTo(3);
    }

    @Test
    void aUnitUserImportsOnlyActivitiesOfItsOwnUnit() throws Exception {
        CurrentUser unit = fixtures.user("ledger-unit", Role.UNIT_LIAISON, "县教育局");
        String tag = tag();
        List<Object> own = new ArrayList<>(LedgerFiles.row(tag + " 本单位"));
        own.set(7, "县教育局");
        own.set(8, "县科协");
        List<Object> blank = new ArrayList<>(LedgerFiles.row(tag + " 空主办"));
        blank.set(7, null);
        blank.set(8, null);
        List<Object> other = new ArrayList<>(LedgerFiles.row(tag + " 他单位"));
        ImportResult bad = run(LedgerFiles.write(List.of(own, blank, other)), unit);
        assertThat(bad.errors()).extracting(ImportError::message).containsExactly(
                "第 4 行「主办单位」：成员单位账号只能导入本单位主办的活动，实际为\"县科协\"");
        ImportResult ok = run(LedgerFiles.write(List.of(own, blank)), unit);
        assertThat(ok.imported()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from activity where title like :t and organizer_unit_id = :u")
                .param("t", tag + "%").param("u", fixtures.unitId("县教育局")).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void readOnlyRolesCannotImport() throws Exception {
        CurrentUser leader = fixtures.user("ledger-leader", Role.LEADER, TestFixtures.COUNTY);
        Path file = LedgerFiles.write(List.of(LedgerFiles.row(tag())));
        assertThatThrownBy(() -> imports.importFile(file, "x.xlsx", leader)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void importsAHundredThousandRows() throws Exception {
        String tag = tag();
        Path file = LedgerFiles.large(100_000, tag);
        ImportResult r = run(file, county);
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(100_000);
        assertThat(jdbc.sql("select count(*) from activity where import_batch_id = :b").param("b", r.batchId())
                .query(Long.class).single()).isEqualTo(100_000);
        assertThat(jdbc.sql("select count(*) from activity_co_organizer co join activity a on a.id = co.activity_id"
                + " where a.import_batch_id = :b").param("b", r.batchId()).query(Long.class).single()).isEqualTo(33_333);
    }
}
