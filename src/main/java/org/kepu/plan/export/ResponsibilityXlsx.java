package org.kepu.plan.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kepu.organization.ActionRole;
import org.kepu.plan.ResponsibilityList;
import org.springframework.context.MessageSource;

/**
 * A unit's 责任清单 as an .xlsx: a title row, a note row, then one row per task (plan, number, task, role, lead
 * units, cooperating units, deadline, key groups) under a frozen, filterable header. Every text cell is written as
 * text and neutralised against formula injection ({@link Cells#safe}).
 */
final class ResponsibilityXlsx {

    static final String[] HEADERS = {"规划/方案", "编号", "任务", "职责", "牵头单位", "配合单位", "完成时限", "重点人群"};
    private static final int[] WIDTHS = {36, 12, 48, 8, 30, 40, 12, 16};

    private ResponsibilityXlsx() {
    }

    static void write(ResponsibilityList list, LocalDate today, MessageSource messages, OutputStream out)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("责任清单");
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            CellStyle title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            borders(header);
            CellStyle text = wb.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            borders(text);

            Row r0 = sheet.createRow(0);
            r0.setHeightInPoints(28);
            r0.createCell(0).setCellValue(Cells.safe(list.unit().name() + "责任清单"));
            r0.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue("截至 " + today + "，牵头 " + list.leadCount() + " 项，配合 "
                    + list.cooperatingCount() + " 项");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADERS.length - 1));
            Row h = sheet.createRow(2);
            for (int i = 0; i < HEADERS.length; i++) {
                h.createCell(i).setCellValue(HEADERS[i]);
                h.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int n = 3;
            for (ResponsibilityList.PlanPart part : list.plans()) {
                for (ResponsibilityList.Item item : part.items()) {
                    Row row = sheet.createRow(n++);
                    String[] values = {part.plan().title(), item.numberingPath(), item.title(),
                        item.role() == ActionRole.LEAD ? "牵头" : "配合", Cells.join(item.leadUnits()),
                        Cells.join(item.cooperatingUnits()), item.deadline() == null ? "" : item.deadline().toString(),
                        Cells.groups(item.keyGroups(), messages)};
                    for (int i = 0; i < values.length; i++) {
                        row.createCell(i).setCellValue(Cells.safe(values[i]));
                        row.getCell(i).setCellStyle(text);
                    }
                }
            }
            sheet.createFreezePane(0, 3);
            if (n > 3) {
                sheet.setAutoFilter(new CellRangeAddress(2, n - 1, 0, HEADERS.length - 1));
            }
            wb.write(out);
        }
    }

    private static void borders(CellStyle s) {
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }
}
