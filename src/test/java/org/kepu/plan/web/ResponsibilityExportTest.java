package org.kepu.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.TestFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.plan.PlanKind;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanTestWorld;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.PlanData;
import org.kepu.plan.internal.TaskCommands;
import org.kepu.plan.internal.TaskData;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.Role;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The responsibility list as .xlsx and .docx, read back: contents, formula neutralisation, fonts, layout, scope. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class ResponsibilityExportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;

    PlanTestWorld world;
    CurrentUser office;
    long unit;

    @BeforeEach
    void setUp() {
        world = new PlanTestWorld(jdbc).ensure();
        office = world.user("plan-export-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
        unit = world.unitId("县妇联");
        long exists = jdbc.sql("select count(*) from plan where title = '导出测试方案'").query(Long.class).single();
        if (exists == 0) {
            long plan = plans.create(office, new PlanData(PlanKind.SPECIAL_PLAN, "导出测试方案", 2024, 2025, "测试县科协",
                    "测科协字〔2024〕9号", LocalDate.of(2024, 5, 1), PlanTestWorld.COUNTY));
            long top = tasks.create(office, plan, new TaskData(null, "一、", "组织科技活动周", null, null,
                    Set.of(), List.of(), List.of(), Set.of()));
            tasks.create(office, plan, new TaskData(top, "（一）", "=SUM(1,2)开展巾帼科普", "正文", LocalDate.of(2024, 5, 31),
                    Set.of(KeyGroup.FARMER), List.of(unit), List.of(world.unitId("县科协")), Set.of()));
            tasks.create(office, plan, new TaskData(top, "（二）", "配合开展科普讲座", null, null, Set.of(KeyGroup.ELDERLY),
                    List.of(world.unitId("县科协")), List.of(unit), Set.of()));
            plans.changeStatus(office, plan, PlanStatus.IN_FORCE, 0);
        }
    }

    @Test
    void xlsxHoldsOneNeutralisedRowPerTask() throws Exception {
        byte[] file = mvc.perform(get("/units/" + unit + "/responsibilities.xlsx").with(as(office)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''%E5%8E%BF%E5%A6%87%E8%81%94")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("县妇联责任清单");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).contains("牵头 1 项，配合 1 项");
            Row h = s.getRow(2);
            assertThat(h.getCell(2).getStringCellValue()).isEqualTo("任务");
            Row lead = rowWith(s, "（一）");
            assertThat(lead.getCell(0).getStringCellValue()).isEqualTo("导出测试方案");
            assertThat(lead.getCell(1).getStringCellValue()).isEqualTo("一（一）");
            assertThat(lead.getCell(2).getStringCellValue()).isEqualTo("'=SUM(1,2)开展巾帼科普");
            assertThat(lead.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(lead.getCell(3).getStringCellValue()).isEqualTo("牵头");
            assertThat(lead.getCell(4).getStringCellValue()).isEqualTo("县妇联");
            assertThat(lead.getCell(5).getStringCellValue()).isEqualTo("县科协");
            assertThat(lead.getCell(6).getStringCellValue()).isEqualTo("2024-05-31");
            assertThat(lead.getCell(7).getStringCellValue()).isEqualTo("农民");
            Row coop = rowWith(s, "（二）");
            assertThat(coop.getCell(3).getStringCellValue()).isEqualTo("配合");
            assertThat(coop.getCell(7).getStringCellValue()).isEqualTo("老年人");
            assertThat(s.getLastRowNum()).isEqualTo(4);
        }
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXPORT' and entity_type ="
                + " 'responsibility_list' and entity_id = :id").param("id", String.valueOf(unit)).query(Long.class)
                .single()).isPositive();
    }

    private static Row rowWith(Sheet s, String numberingEnd) {
        for (Row r : s) {
            if (r.getRowNum() > 2 && r.getCell(1).getStringCellValue().endsWith(numberingEnd)) {
                return r;
            }
        }
        throw new AssertionError("no row " + numberingEnd);
    }

    @Test
    void docxIsAChineseDocumentWithTitleUnitAndTable() throws Exception {
        byte[] file = mvc.perform(get("/units/" + unit + "/responsibilities.docx").with(as(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertThat(ps.get(0).getText()).isEqualTo("县妇联责任清单");
            XWPFRun title = ps.get(0).getRuns().get(0);
            assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(ps.get(1).getText()).contains("牵头1项，配合1项");
            assertThat(ps.stream().map(XWPFParagraph::getText)).anyMatch(t -> t.equals("一、导出测试方案"));
            assertThat(ps.stream().map(XWPFParagraph::getText)).anyMatch(t -> t.contains("测科协字〔2024〕9号")
                    && t.contains("2024—2025年"));
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getNumberOfRows()).isEqualTo(3);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("任务");
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("一（一）");
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("=SUM(1,2)开展巾帼科普");
            assertThat(table.getRow(1).getCell(2).getText()).isEqualTo("牵头");
            assertThat(table.getRow(2).getCell(3).getText()).isEqualTo("县科协");
            XWPFRun cellRun = table.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(cellRun.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
            assertThat(doc.getFooterList()).isNotEmpty();
            assertThat(doc.getFooterList().get(0).getText()).contains("—");
            assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getCTP().getFldSimpleArray(0).getInstr())
                    .isEqualTo("PAGE");
        }
    }

    @Test
    void exportsFollowTheScope() throws Exception {
        CurrentUser liaison = world.user("plan-export-liaison", Role.UNIT_LIAISON, "县科协");
        CurrentUser otherCounty = world.user("plan-export-other", Role.OFFICE_ADMIN, PlanTestWorld.OTHER_COUNTY);
        mvc.perform(get("/units/" + unit + "/responsibilities.xlsx").with(as(liaison)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/" + unit + "/responsibilities.docx").with(as(otherCounty)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/" + world.unitId("县科协") + "/responsibilities.docx").with(as(liaison)))
                .andExpect(status().isOk());
    }
}
