package org.kepu.activity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class LedgerWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestFixtures fixtures;
    CurrentUser townshipA;
    CurrentUser townshipB;
    CurrentUser county;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        townshipA = fixtures.user("ledger-web-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        townshipB = fixtures.user("ledger-web-b", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_B);
        county = fixtures.user("ledger-web-county", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
    }

    static String tag() {
        return "网页测试-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static MockMultipartFile upload(Path file) throws Exception {
        return new MockMultipartFile("file", "台账.xlsx", LedgerPageController.XLSX, Files.readAllBytes(file));
    }

    @Test
    void templateHasHeaderDropDownsSampleRowAndNoteAndImportsAsIs() throws Exception {
        byte[] bytes = mvc.perform(get("/activities/ledger/template.xlsx").with(TestFixtures.as(townshipA)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(LedgerPageController.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet data = wb.getSheet(LedgerTemplateWriter.DATA_SHEET);
            assertThat(wb.getSheetIndex(data)).isZero();
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("活动名称*");
            assertThat(data.getRow(0).getCell(LedgerColumn.DIVISION.ordinal()).getStringCellValue())
                    .isEqualTo("举办地点（乡镇/村）*");
            assertThat(data.getRow(0).getLastCellNum()).isEqualTo((short) LedgerColumn.values().length);
            assertThat(data.getRow(1).getCell(LedgerColumn.DIVISION.ordinal()).getStringCellValue()).isEqualTo("长宁镇");
            assertThat(data.getDataValidations()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(data.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint().getFormula1())
                    .contains(LedgerTemplateWriter.OPTIONS_SHEET));
            Sheet options = wb.getSheet(LedgerTemplateWriter.OPTIONS_SHEET);
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(options))).isEqualTo(SheetVisibility.HIDDEN);
            List<String> themes = new ArrayList<>();
            for (int i = 1; i <= options.getLastRowNum(); i++) {
                var c = options.getRow(i).getCell(0);
                if (c != null) {
                    themes.add(c.getStringCellValue());
                }
            }
            assertThat(themes).contains("全国科普日", "科技文化卫生\"三下乡\"", "其他");
            assertThat(options.getRow(1).getCell(2).getStringCellValue()).isEqualTo("青少年");
            assertThat(options.getRow(2).getCell(3).getStringCellValue()).isEqualTo("长宁镇/城北社区");
            assertThat(wb.getSheet(LedgerTemplateWriter.NOTE_SHEET).getRow(0).getCell(1).getStringCellValue())
                    .contains("表头");
        }
        // Add a unique row so that this template copy differs from any other test's.
        Path file;
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            wb.getSheetAt(0).getRow(1).getCell(0).setCellValue(tag() + " 模板示例");
            file = LedgerFiles.save(wb);
        }
        mvc.perform(multipart("/api/v1/activities/import").file(upload(file)).with(csrf())
                        .with(TestFixtures.as(townshipA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.imported").value(1));
        assertThat(jdbc.sql("select ip from audit_log where action = 'IMPORT' and username = 'ledger-web-a'"
                + " order by id desc limit 1").query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void apiReturnsEveryErrorAsJsonAndWritesNothing() throws Exception {
        String tag = tag();
        List<Object> bad = new ArrayList<>(LedgerFiles.row(tag + " 坏"));
        bad.set(9, "约200");
        mvc.perform(multipart("/api/v1/activities/import")
                        .file(upload(LedgerFiles.write(List.of(LedgerFiles.row(tag + " 好"), bad)))).with(csrf())
                        .with(TestFixtures.as(townshipA)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("现场参与人数"))
                .andExpect(jsonPath("$.errors[0].message").value("第 3 行「现场参与人数」：应为不小于 0 的整数，实际为\"约200\""));
        assertThat(jdbc.sql("select count(*) from activity where title like :t").param("t", tag + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void pageImportRunsInTheBackgroundAndOnlyItsStarterSeesTheProgress() throws Exception {
        String tag = tag();
        mvc.perform(get("/activities/ledger/import").with(TestFixtures.as(townshipA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("enctype=\"multipart/form-data\"")));
        String location = mvc.perform(multipart("/activities/ledger/import")
                        .file(upload(LedgerFiles.write(List.of(LedgerFiles.row(tag + " 1"), LedgerFiles.row(tag + " 2")))))
                        .with(csrf()).with(TestFixtures.as(townshipA)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/activities/ledger/import/");
        String html = poll(location, townshipA);
        assertThat(html).contains("导入成功：共导入 2 条活动").doesNotContain("hx-trigger");
        mvc.perform(get(location).with(TestFixtures.as(townshipA))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("导入进度")));
        mvc.perform(get(location).with(TestFixtures.as(townshipB))).andExpect(status().isNotFound());
        mvc.perform(get("/activities/ledger/import/" + UUID.randomUUID()).with(TestFixtures.as(townshipA)))
                .andExpect(status().isNotFound());
    }

    @Test
    void pageImportShowsTheErrorsTable() throws Exception {
        String tag = tag();
        List<Object> bad = new ArrayList<>(LedgerFiles.row(tag + " 坏"));
        bad.set(6, "晨光镇");
        String location = mvc.perform(multipart("/activities/ledger/import")
                        .file(upload(LedgerFiles.write(List.of(bad)))).with(csrf()).with(TestFixtures.as(townshipA)))
                .andReturn().getResponse().getRedirectedUrl();
        String html = poll(location, townshipA);
        assertThat(html).contains("导入失败，未写入任何数据")
                .contains("第 2 行「举办地点（乡镇/村）」：找不到\"晨光镇\"，或该地点不在您的管理范围内");
    }

    @Test
    void readOnlyUsersCannotOpenTheImportPage() throws Exception {
        CurrentUser leader = fixtures.user("ledger-web-leader", Role.LEADER, TestFixtures.COUNTY);
        mvc.perform(get("/activities/ledger/import").with(TestFixtures.as(leader))).andExpect(status().isForbidden());
    }

    private String poll(String location, CurrentUser user) throws Exception {
        for (int i = 0; i < 300; i++) {
            String html = mvc.perform(get(location).header("HX-Request", "true").with(TestFixtures.as(user)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (!html.contains("hx-trigger")) {
                return html;
            }
            assertThat(html).contains("progress-bar");
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    @Test
    void exportNeutralisesFormulasRespectsScopeAndIsAudited() throws Exception {
        String tag = tag();
        insert("=HYPERLINK(\"http://evil\",\"" + tag + " A\")", TestFixtures.TOWNSHIP_A, TestFixtures.TOWNSHIP_A_PATH,
                "+cmd|' /C calc'!A0");
        insert(tag + " B", TestFixtures.TOWNSHIP_B, TestFixtures.TOWNSHIP_B_PATH, "@SUM(1)");
        insert(tag + " A2", TestFixtures.VILLAGE_A1, TestFixtures.VILLAGE_A1_PATH, "-2");

        try (var wb = export("?q=" + tag + "&sort=title&dir=asc", townshipA)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(2);
            List<String> titles = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                var title = s.getRow(i).getCell(2 + LedgerColumn.TITLE.ordinal());
                assertThat(title.getCellType()).isEqualTo(CellType.STRING);
                titles.add(title.getStringCellValue());
            }
            assertThat(titles).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil\",\"" + tag + " A\")", tag + " A2");
            List<String> descriptions = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                descriptions.add(s.getRow(i).getCell(2 + LedgerColumn.DESCRIPTION.ordinal()).getStringCellValue());
            }
            assertThat(descriptions).containsExactlyInAnyOrder("'+cmd|' /C calc'!A0", "'-2");
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                for (var c : s.getRow(r)) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
            assertThat(s.getRow(1).getCell(2 + LedgerColumn.DIVISION.ordinal()).getStringCellValue()).startsWith("长宁镇");
        }
        try (var wb = export("?q=" + tag + "&division=" + TestFixtures.TOWNSHIP_B, townshipA)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
        }
        try (var wb = export("?q=" + tag + "&division=" + TestFixtures.TOWNSHIP_A + "&year=2024&month=5&status=DRAFT",
                townshipA)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
        try (var wb = export("?q=" + tag, county)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(3);
        }
        String audited = jdbc.sql("select after_data::text from audit_log where action = 'EXPORT' and username = :u"
                + " order by id desc limit 1").param("u", "ledger-web-county").query(String.class).single();
        assertThat(audited).contains(tag).contains("\"rows\": 3");
        mvc.perform(get("/activities/ledger/export.xlsx?year=abc").with(TestFixtures.as(townshipA)))
                .andExpect(status().isBadRequest());
    }

    private XSSFWorkbook export(String query, CurrentUser user) throws Exception {
        byte[] bytes = mvc.perform(get("/activities/ledger/export.xlsx" + query).with(TestFixtures.as(user)))
                .andExpect(status().isOk()).andExpect(content().contentType(LedgerPageController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private void insert(String title, String code, String path, String description) {
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                                      division_path, organizer_unit_id, description)
                values (:title, 'NATIONAL_SCIENCE_DAY', 'LECTURE', '{YOUTH}', '2024-05-20 10:00+08', '2024-05-20 12:00+08',
                        :code, :path, :unit, :description)
                """).param("title", title).param("code", code).param("path", path)
                .param("unit", fixtures.unitId("县科协")).param("description", description).update();
    }
}
