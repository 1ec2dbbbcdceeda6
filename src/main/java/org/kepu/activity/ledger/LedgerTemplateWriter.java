package org.kepu.activity.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The ledger template: sheet 「活动台账」 with the header row, one sample row and drop-down lists (theme, format,
 * key group, place, units) fed from a hidden sheet 「选项」; sheet 「填写说明」 explains each column. The template is
 * small, so the ordinary (non-streaming) workbook is used.
 */
@Component
class LedgerTemplateWriter {

    static final String DATA_SHEET = "活动台账";
    static final String OPTIONS_SHEET = "选项";
    static final String NOTE_SHEET = "填写说明";
    static final int VALIDATION_ROWS = 5000;
    static final int MAX_LIST_ITEMS = 3000;

    private final LedgerDictionaries dictionaries;
    private final DivisionService divisions;
    private final MemberUnitService units;
    private final LedgerMessages messages;

    LedgerTemplateWriter(LedgerDictionaries dictionaries, DivisionService divisions, MemberUnitService units,
            LedgerMessages messages) {
        this.dictionaries = dictionaries;
        this.divisions = divisions;
        this.units = units;
        this.messages = messages;
    }

    void write(CurrentUser user, OutputStream out) throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet data = wb.createSheet(DATA_SHEET);
            Sheet options = wb.createSheet(OPTIONS_SHEET);
            Sheet note = wb.createSheet(NOTE_SHEET);
            List<String> places = places(user);
            List<String> unitNames = unitNames(user);
            header(wb, data);
            sample(wb, data, places, unitNames);
            List<List<String>> lists = List.of(new ArrayList<>(dictionaries.items(LedgerDictionaries.THEME).values()),
                    new ArrayList<>(dictionaries.items(LedgerDictionaries.FORMAT).values()),
                    dictionaries.keyGroupLabels(), places, unitNames);
            String[] titles = {"活动主题", "活动形式", "重点人群", "举办地点", "单位"};
            for (int col = 0; col < lists.size(); col++) {
                Row head = row(options, 0);
                head.createCell(col).setCellValue(titles[col]);
                List<String> items = lists.get(col);
                for (int i = 0; i < items.size(); i++) {
                    row(options, i + 1).createCell(col).setCellValue(items.get(i));
                }
            }
            DataValidationHelper helper = data.getDataValidationHelper();
            validation(data, helper, LedgerColumn.THEME, 0, lists.get(0).size(), true);
            validation(data, helper, LedgerColumn.FORMAT, 1, lists.get(1).size(), true);
            validation(data, helper, LedgerColumn.KEY_GROUPS, 2, lists.get(2).size(), false);
            validation(data, helper, LedgerColumn.DIVISION, 3, places.size(), false);
            validation(data, helper, LedgerColumn.ORGANIZER, 4, unitNames.size(), false);
            validation(data, helper, LedgerColumn.CO_ORGANIZERS, 4, unitNames.size(), false);
            wb.setSheetVisibility(wb.getSheetIndex(options), SheetVisibility.HIDDEN);
            note(wb, note);
            wb.setActiveSheet(0);
            wb.write(out);
        }
    }

    private static Row row(Sheet s, int index) {
        Row r = s.getRow(index);
        return r != null ? r : s.createRow(index);
    }

    private void header(Workbook wb, Sheet data) {
        CellStyle required = headerStyle(wb, IndexedColors.LIGHT_ORANGE);
        CellStyle optional = headerStyle(wb, IndexedColors.LIGHT_TURQUOISE);
        Row head = data.createRow(0);
        for (LedgerColumn c : LedgerColumn.values()) {
            var cell = head.createCell(c.ordinal());
            cell.setCellValue(c.required() ? c.label() + "*" : c.label());
            cell.setCellStyle(c.required() ? required : optional);
            data.setColumnWidth(c.ordinal(), switch (c) {
                case TITLE, DESCRIPTION, MEDIA_COVERAGE -> 36 * 256;
                case THEME, FORMAT, DIVISION, CO_ORGANIZERS, KEY_GROUPS -> 22 * 256;
                case STARTS_AT, ENDS_AT, ORGANIZER -> 18 * 256;
                default -> 12 * 256;
            });
        }
        data.createFreezePane(0, 1);
    }

    private static CellStyle headerStyle(Workbook wb, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        s.setFont(bold);
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setWrapText(true);
        return s;
    }

    private void sample(Workbook wb, Sheet data, List<String> places, List<String> unitNames) {
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        int year = LocalDate.now(RowValidator.ZONE).getYear();
        Row r = data.createRow(1);
        var themes = new ArrayList<>(dictionaries.items(LedgerDictionaries.THEME).values());
        var formats = new ArrayList<>(dictionaries.items(LedgerDictionaries.FORMAT).values());
        var groups = dictionaries.keyGroupLabels();
        r.createCell(LedgerColumn.TITLE.ordinal()).setCellValue("（示例，导入前请删除）" + year + "年全国科普日防范电信诈骗讲座");
        r.createCell(LedgerColumn.THEME.ordinal()).setCellValue(themes.size() > 1 ? themes.get(1) : "其他");
        r.createCell(LedgerColumn.KEY_GROUPS.ordinal()).setCellValue(groups.size() > 3
                ? groups.get(1) + "、" + groups.get(3) : "");
        r.createCell(LedgerColumn.FORMAT.ordinal()).setCellValue(formats.isEmpty() ? "其他" : formats.get(0));
        var start = r.createCell(LedgerColumn.STARTS_AT.ordinal());
        start.setCellValue(LocalDateTime.of(LocalDate.of(year, 9, 20), LocalTime.of(9, 0)));
        start.setCellStyle(dateTime);
        var end = r.createCell(LedgerColumn.ENDS_AT.ordinal());
        end.setCellValue(LocalDateTime.of(LocalDate.of(year, 9, 20), LocalTime.of(11, 30)));
        end.setCellStyle(dateTime);
        r.createCell(LedgerColumn.DIVISION.ordinal()).setCellValue(places.isEmpty() ? "" : places.get(0));
        r.createCell(LedgerColumn.ORGANIZER.ordinal()).setCellValue(unitNames.isEmpty() ? "" : unitNames.get(0));
        r.createCell(LedgerColumn.CO_ORGANIZERS.ordinal()).setCellValue(unitNames.size() > 1 ? unitNames.get(1) : "");
        r.createCell(LedgerColumn.PARTICIPANTS_ONSITE.ordinal()).setCellValue(120);
        r.createCell(LedgerColumn.PARTICIPANTS_ONLINE.ordinal()).setCellValue(0);
        r.createCell(LedgerColumn.MATERIALS.ordinal()).setCellValue(300);
        r.createCell(LedgerColumn.VOLUNTEERS.ordinal()).setCellValue(6);
        r.createCell(LedgerColumn.MEDIA_COVERAGE.ordinal()).setCellValue("县融媒体中心");
        r.createCell(LedgerColumn.DESCRIPTION.ordinal()).setCellValue("邀请县公安局民警讲解常见电信诈骗手法，现场发放宣传折页。");
    }

    private static void validation(Sheet data, DataValidationHelper helper, LedgerColumn col, int optionColumn,
            int items, boolean strict) {
        if (items == 0 || items > MAX_LIST_ITEMS) {
            return;
        }
        char letter = (char) ('A' + optionColumn);
        String range = "'" + OPTIONS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (items + 1);
        DataValidationConstraint constraint = helper.createFormulaListConstraint(range);
        DataValidation v = helper.createValidation(constraint,
                new CellRangeAddressList(1, VALIDATION_ROWS, col.ordinal(), col.ordinal()));
        v.setSuppressDropDownArrow(true);
        v.setShowErrorBox(strict);
        if (strict) {
            v.setErrorStyle(DataValidation.ErrorStyle.STOP);
            v.createErrorBox(col.label(), "请从下拉列表中选择");
        }
        data.addValidationData(v);
    }

    private void note(Workbook wb, Sheet note) {
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        note.setColumnWidth(0, 22 * 256);
        note.setColumnWidth(1, 90 * 256);
        String[][] lines = {
            {"填写说明", "每行一场活动；第一行是表头，可在表头上方加标题行；列的顺序可以调整，但列名不能改。带 * 的列必须填写。"},
            {"活动名称*", "不超过 200 字。"},
            {"活动主题*", "从下拉列表选择，即管理员维护的主题/品牌活动字典。"},
            {"重点人群", "可多选，用顿号「、」分隔，例如：青少年、老年人。可选：" + String.join("、", dictionaries.keyGroupLabels()) + "。"},
            {"活动形式*", "从下拉列表选择。"},
            {"开始时间*", "如 2024-05-20 14:30，也可写 2024.5.20、2024/5/20、2024年5月20日 或设为日期格式的单元格；只写日期时按 0:00 计。"},
            {"结束时间", "同上；只写日期时按当天 23:59 计；不填则与开始时间相同。"},
            {"举办地点（乡镇/村）*", "乡镇或村（社区）名称，如「长宁镇」或「长宁镇/城北社区」，也可填 9 位或 12 位区划代码；必须在您的管理范围内。"},
            {"主办单位", "成员单位全称或简称；成员单位账号导入时只能是本单位，不填即为本单位。"},
            {"协办单位", "可填多个，用顿号「、」分隔。"},
            {"人数、份数", "不小于 0 的整数，可带「人」「人次」「份」「名」，可用全角数字和千分位逗号，如 １,２００人。"},
            {"公式", "含公式的单元格按 Excel 保存时的计算结果导入；没有计算结果的公式会报错。"},
            {"导入规则", "任一行有错误则整个文件都不导入，并按「第 N 行「列名」：问题」列出全部错误；同一文件不能重复导入；导入后的活动为「草稿」，需逐条提交审核。"},
            {"限制", "仅支持 .xlsx；文件不超过 " + LedgerLimits.MAX_FILE_BYTES / 1024 / 1024 + " MB，数据不超过 "
                    + LedgerLimits.MAX_ROWS + " 行；读取第一个工作表。"},
        };
        for (int i = 0; i < lines.length; i++) {
            Row r = note.createRow(i);
            r.createCell(0).setCellValue(lines[i][0]);
            var c = r.createCell(1);
            c.setCellValue(lines[i][1]);
            c.setCellStyle(wrap);
        }
    }

    private List<String> places(CurrentUser user) {
        String root = user.scope().divisionPath();
        if (root == null) {
            return List.of();
        }
        String rootCode = root.substring(root.lastIndexOf('/') + 1);
        Division top = divisions.find(rootCode).orElse(null);
        if (top == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (top.level() >= Division.TOWNSHIP) {
            result.add(top.name());
        }
        List<Division> townships = top.level() < Division.TOWNSHIP ? divisions.inSubtree(root, Division.TOWNSHIP)
                : List.of(top);
        if (townships.size() > MAX_LIST_ITEMS / 20) {
            return townships.size() > MAX_LIST_ITEMS ? List.of() : townships.stream().map(Division::name).toList();
        }
        for (Division t : townships) {
            if (top.level() < Division.TOWNSHIP) {
                result.add(t.name());
            }
            if (t.level() == Division.TOWNSHIP) {
                for (Division v : divisions.children(t.code())) {
                    result.add(t.name() + "/" + v.name());
                }
            }
            if (result.size() > MAX_LIST_ITEMS) {
                return List.of();
            }
        }
        return result;
    }

    private List<String> unitNames(CurrentUser user) {
        if (user.scope().unitId() != null) {
            return units.find(user.scope().unitId()).map(MemberUnitRef::name).map(List::of).orElse(List.of());
        }
        String root = user.scope().divisionPath();
        return root == null ? List.of() : units.activeUnitsFor(root).stream().map(MemberUnitRef::name).toList();
    }
}
