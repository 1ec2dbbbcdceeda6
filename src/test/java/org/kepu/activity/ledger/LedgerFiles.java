package org.kepu.activity.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds ledger workbooks for the tests. A cell value starting with "=" becomes a formula. */
final class LedgerFiles {

    static final List<String> HEADER = List.of("活动名称", "活动主题", "重点人群", "活动形式", "开始时间", "结束时间",
            "举办地点（乡镇/村）", "主办单位", "协办单位", "现场参与人数", "线上参与人数", "发放资料（份）", "志愿者人数",
            "媒体报道", "活动简介");

    private LedgerFiles() {
    }

    /** A typical good row for township A with a unique title. */
    static List<Object> row(String title) {
        return List.of(title, "全国科普日", "青少年、老年人", "讲座", "2024-05-20 14:30", "2024-05-20 16:00", "长宁镇",
                "县科协", "县教育局", 120, 30, "200份", "5人", "县融媒体中心", "简介 " + title);
    }

    static Path write(List<String> header, List<List<Object>> rows, int titleRows, boolean evaluate) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("台账");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            int r = 0;
            for (int i = 0; i < titleRows; i++) {
                s.createRow(r).createCell(0).setCellValue("2024年寻乌县科普活动台账（第" + (i + 1) + "行标题）");
                s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 0, header.size() - 1));
                r++;
            }
            Row h = s.createRow(r++);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (List<Object> values : rows) {
                Row row = s.createRow(r++);
                if (values == null) {
                    continue;
                }
                for (int i = 0; i < values.size(); i++) {
                    set(row, i, values.get(i), date);
                }
            }
            if (evaluate) {
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            return save(wb);
        }
    }

    static Path write(List<List<Object>> rows) throws IOException {
        return write(HEADER, rows, 0, false);
    }

    static void set(Row row, int i, Object v, CellStyle date) {
        if (v == null) {
            return;
        }
        var c = row.createCell(i);
        if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else if (v instanceof LocalDateTime t) {
            c.setCellValue(t);
            c.setCellStyle(date);
        } else if (v.toString().startsWith("=")) {
            c.setCellFormula(v.toString().substring(1));
        } else {
            c.setCellValue(v.toString());
        }
    }

    /** A large ledger written with the streaming workbook. */
    static Path large(int rows, String tag) throws IOException {
        return large(rows, tag, -1);
    }

    /** As {@link #large(int, String)}, with "约200" as participants in data row {@code badRow} (1-based). */
    static Path large(int rows, String tag, int badRow) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet s = wb.createSheet("台账");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                h.createCell(i).setCellValue(HEADER.get(i));
            }
            String[] places = {"长宁镇", "长宁镇/城北社区", "长宁镇/东门村", "360734100001"};
            String[] themes = {"全国科普日", "科技活动周", "科普大讲堂", "防灾减灾日"};
            String[] formats = {"讲座", "培训", "展览", "咨询/义诊"};
            for (int i = 1; i <= rows; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue(tag + " 科普活动 " + i);
                r.createCell(1).setCellValue(themes[i % 4]);
                r.createCell(2).setCellValue(i % 2 == 0 ? "青少年、农民" : "老年人");
                r.createCell(3).setCellValue(formats[i % 4]);
                r.createCell(4).setCellValue("2024-" + (1 + i % 12) + "-" + (1 + i % 28) + " 09:30");
                r.createCell(5).setCellValue("2024-" + (1 + i % 12) + "-" + (1 + i % 28) + " 11:00");
                r.createCell(6).setCellValue(places[i % 4]);
                r.createCell(7).setCellValue("县科协");
                if (i % 3 == 0) {
                    r.createCell(8).setCellValue("县教育局");
                }
                if (i == badRow) {
                    r.createCell(9).setCellValue("约200");
                } else {
                    r.createCell(9).setCellValue(i % 500);
                }
                r.createCell(10).setCellValue(i % 7);
                r.createCell(11).setCellValue((i % 300) + "份");
                r.createCell(12).setCellValue(i % 9);
                r.createCell(14).setCellValue("第 " + i + " 场活动的简介，面向群众讲解科学知识。");
            }
            Path file = Files.createTempFile("ledger-large-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
            return file;
        }
    }

    static Path save(Workbook wb) throws IOException {
        Path file = Files.createTempFile("ledger-test-", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    /** A well-formed .xlsx skeleton whose sheet XML inflates to {@code megabytes} of blanks. */
    static Path zipBomb(int megabytes) throws IOException {
        Path file = Files.createTempFile("ledger-bomb-", ".xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            entry(zip, "xl/workbook.xml", "<workbook/>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData>".getBytes());
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes());
            zip.closeEntry();
        }
        return file;
    }

    static Path zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                entry(zip, namesAndContents[i], namesAndContents[i + 1]);
            }
        }
        return bytes(bytes.toByteArray());
    }

    static Path bytes(byte[] content) throws IOException {
        Path file = Files.createTempFile("ledger-bytes-", ".xlsx");
        Files.write(file, content);
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
