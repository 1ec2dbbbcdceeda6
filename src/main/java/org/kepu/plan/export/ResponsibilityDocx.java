package org.kepu.plan.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.kepu.organization.ActionRole;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.ResponsibilityList;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.context.MessageSource;

/**
 * A unit's 责任清单 as a Word document laid out after GB/T 9704 as county offices expect: A4 (landscape, for the
 * table), title in 方正小标宋简体 二号, the unit line in 楷体_GB2312, plan headings in 黑体 三号, table text in
 * 仿宋_GB2312, page numbers "— 1 —" at the foot. Fonts are referenced by name (Word on the office PCs has them),
 * never embedded; Latin text uses Times New Roman.
 */
final class ResponsibilityDocx {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String KAI_FONT = "楷体_GB2312";
    static final String LATIN_FONT = "Times New Roman";
    static final String[] HEADERS = {"编号", "任务", "职责", "牵头单位", "配合单位", "完成时限", "重点人群"};
    /** Column widths in twips; together the text width of landscape A4 with the margins below (225 mm). */
    static final int[] WIDTHS = {1100, 4300, 700, 2000, 2757, 1100, 800};
    private static final String[] CHINESE_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private ResponsibilityDocx() {
    }

    static void write(ResponsibilityList list, LocalDate today, MessageSource messages, OutputStream out)
            throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(200);
            run(title, list.unit().name() + "责任清单", TITLE_FONT, 22, false);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            sub.setSpacingAfter(300);
            run(sub, "（截至" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth()
                    + "日，牵头" + list.leadCount() + "项，配合" + list.cooperatingCount() + "项）", KAI_FONT, 16,
                    false);
            if (list.isEmpty()) {
                XWPFParagraph p = doc.createParagraph();
                run(p, "暂无牵头或配合的任务。", BODY_FONT, 16, false);
            }
            int n = 0;
            for (ResponsibilityList.PlanPart part : list.plans()) {
                PlanSummary plan = part.plan();
                XWPFParagraph h = doc.createParagraph();
                h.setSpacingBefore(240);
                h.setSpacingAfter(60);
                h.setKeepNext(true);
                run(h, chineseNumber(n++) + "、" + plan.title(), HEADING_FONT, 16, false);
                String info = info(plan);
                if (!info.isEmpty()) {
                    XWPFParagraph ip = doc.createParagraph();
                    ip.setSpacingAfter(120);
                    ip.setKeepNext(true);
                    run(ip, info, KAI_FONT, 14, false);
                }
                table(doc, part.items(), messages);
            }
            footer(doc);
            doc.write(out);
        }
    }

    private static String info(PlanSummary plan) {
        StringBuilder s = new StringBuilder();
        if (plan.documentNumber() != null) {
            s.append(plan.documentNumber());
        }
        if (!plan.period().isEmpty()) {
            s.append(s.isEmpty() ? "" : "　").append("实施期：").append(plan.period());
        }
        return s.toString();
    }

    private static void table(XWPFDocument doc, List<ResponsibilityList.Item> items, MessageSource messages) {
        XWPFTable t = doc.createTable(items.size() + 1, HEADERS.length);
        t.setWidthType(TableWidthType.DXA);
        t.setWidth(String.valueOf(java.util.Arrays.stream(WIDTHS).sum()));
        t.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        for (int i = 0; i < HEADERS.length; i++) {
            cell(head.getCell(i), HEADERS[i], HEADING_FONT, WIDTHS[i], true);
        }
        for (int r = 0; r < items.size(); r++) {
            ResponsibilityList.Item item = items.get(r);
            String[] values = {item.numberingPath(), item.title(), item.role() == ActionRole.LEAD ? "牵头" : "配合",
                Cells.join(item.leadUnits()), Cells.join(item.cooperatingUnits()),
                item.deadline() == null ? "" : item.deadline().toString(), Cells.groups(item.keyGroups(), messages)};
            XWPFTableRow row = t.getRow(r + 1);
            row.setCantSplitRow(true);
            for (int i = 0; i < values.length; i++) {
                cell(row.getCell(i), values[i], BODY_FONT, WIDTHS[i], false);
            }
        }
    }

    private static void cell(XWPFTableCell cell, String text, String font, int width, boolean center) {
        cell.setWidth(String.valueOf(width));
        XWPFParagraph p = cell.getParagraphs().get(0);
        if (center) {
            p.setAlignment(ParagraphAlignment.CENTER);
        }
        run(p, text == null ? "" : text, font, 12, false);
    }

    static XWPFRun run(XWPFParagraph p, String text, String eastAsiaFont, int sizePt, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(sizePt);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(eastAsiaFont, XWPFRun.FontCharRange.eastAsia);
        return r;
    }

    /** A4 landscape; margins after GB/T 9704 turned with the page (28/26 mm top/bottom, 37/35 mm left/right). */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(mm(297)));
        size.setH(BigInteger.valueOf(mm(210)));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(mm(28)));
        mar.setBottom(BigInteger.valueOf(mm(26)));
        mar.setLeft(BigInteger.valueOf(mm(37)));
        mar.setRight(BigInteger.valueOf(mm(35)));
        mar.setFooter(BigInteger.valueOf(mm(14)));
        mar.setHeader(BigInteger.valueOf(mm(15)));
    }

    /** "— 1 —" centred at the foot of every page, 宋体 四号. */
    private static void footer(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", "宋体", 14, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", "宋体", 14, false);
    }

    static int mm(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    /** 一, 二, … 十, 十一, … 二十一 … for the 0-based {@code i}. */
    static String chineseNumber(int i) {
        int k = i + 1;
        if (k <= 10) {
            return CHINESE_NUMBERS[k - 1];
        }
        if (k < 20) {
            return "十" + CHINESE_NUMBERS[k - 11];
        }
        if (k < 100) {
            return CHINESE_NUMBERS[k / 10 - 1] + "十" + (k % 10 == 0 ? "" : CHINESE_NUMBERS[k % 10 - 1]);
        }
        return String.valueOf(k);
    }
}
