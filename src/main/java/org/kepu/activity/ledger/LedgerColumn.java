package org.kepu.activity.ledger;

import java.util.List;
import java.util.Locale;

/**
 * The columns of the Excel ledger, in template order. A column is found in an imported sheet by its header
 * text (the label or one of the aliases, compared after {@link #normalise(String)}), so the order of the
 * columns in the file does not matter and unknown columns are ignored.
 */
enum LedgerColumn {
    TITLE("活动名称", true, "标题", "活动标题", "名称"),
    THEME("活动主题", true, "主题", "主题活动", "品牌活动", "主题/品牌活动"),
    KEY_GROUPS("重点人群", false, "面向人群", "目标人群", "参与人群"),
    FORMAT("活动形式", true, "形式", "活动类型"),
    STARTS_AT("开始时间", true, "活动时间", "开始日期", "活动日期", "举办时间"),
    ENDS_AT("结束时间", false, "结束日期"),
    DIVISION("举办地点（乡镇/村）", true, "举办地点", "地点", "活动地点", "所在乡镇", "乡镇/村", "行政区划"),
    ORGANIZER("主办单位", false, "组织单位", "承办单位"),
    CO_ORGANIZERS("协办单位", false, "配合单位", "参与单位"),
    PARTICIPANTS_ONSITE("现场参与人数", false, "参与人数", "现场人数", "参加人数"),
    PARTICIPANTS_ONLINE("线上参与人数", false, "线上人数", "网络参与人数"),
    MATERIALS("发放资料（份）", false, "发放资料", "资料份数", "发放资料数"),
    VOLUNTEERS("志愿者人数", false, "志愿者", "参与志愿者人数"),
    MEDIA_COVERAGE("媒体报道", false, "宣传报道"),
    DESCRIPTION("活动简介", false, "简介", "活动内容", "内容简介");

    private final String label;
    private final boolean required;
    private final List<String> names;

    LedgerColumn(String label, boolean required, String... aliases) {
        this.label = label;
        this.required = required;
        this.names = java.util.stream.Stream.concat(java.util.stream.Stream.of(label),
                java.util.stream.Stream.of(aliases)).map(LedgerColumn::normalise).toList();
    }

    /** The header text in the template and in error messages. */
    String label() {
        return label;
    }

    boolean required() {
        return required;
    }

    /** The column whose label or alias matches this header cell, or null. */
    static LedgerColumn ofHeader(String header) {
        if (header == null) {
            return null;
        }
        String h = normalise(header);
        if (h.isEmpty()) {
            return null;
        }
        for (LedgerColumn c : values()) {
            if (c.names.contains(h)) {
                return c;
            }
        }
        String withoutNote = normalise(h.replaceAll("\\(.*\\)$", ""));
        for (LedgerColumn c : values()) {
            if (c.names.contains(withoutNote)) {
                return c;
            }
        }
        return null;
    }

    /** Drops blanks, required-markers and line breaks; full-width brackets become ASCII ones. */
    static String normalise(String s) {
        return CellText.halfWidth(s).replaceAll("[\\s*]", "").toLowerCase(Locale.ROOT);
    }
}
