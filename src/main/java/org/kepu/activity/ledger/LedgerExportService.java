package org.kepu.activity.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.internal.ActivitySearch;
import org.kepu.audit.AuditLog;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NotFoundException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams the caller's filtered activity list into an .xlsx (SXSSF, 200 rows in memory) with the template's
 * columns plus 编号 and 状态 in front, so an exported file can be edited and imported again (unknown columns are
 * ignored by the import). Text that a spreadsheet could take for a formula is neutralised
 * ({@link #safe(String)}). The export is audited as EXPORT with the filter and the row count.
 */
@Service
public class LedgerExportService {

    private static final String[] STATUS_LABELS = {"DRAFT", "草稿", "SUBMITTED", "已提交", "VERIFIED", "已审核",
        "RETURNED", "已退回"};

    private final NamedParameterJdbcTemplate jdbc;
    private final DivisionService divisions;
    private final MemberUnitService units;
    private final LedgerDictionaries dictionaries;
    private final AuditLog audit;
    private final ActivitySearch search;

    LedgerExportService(javax.sql.DataSource dataSource, DivisionService divisions, MemberUnitService units,
            LedgerDictionaries dictionaries, AuditLog audit, ActivitySearch search) {
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.divisions = divisions;
        this.units = units;
        this.dictionaries = dictionaries;
        this.audit = audit;
        this.search = search;
    }

    /**
     * Text that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so no
     * spreadsheet program evaluates it, and the cell is written as text.
     */
    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋'
                || c == '－' || c == '＠') {
            return "'" + s;
        }
        return s;
    }

    /** Opens the output only when the workbook is ready, so that a bad filter still gets a normal error page. */
    @FunctionalInterface
    public interface Output {
        OutputStream open() throws IOException;
    }

    /** Writes the workbook to {@code output}; returns the number of activities exported. */
    @Transactional
    public int export(Map<String, String> params, CurrentUser user, Output output) throws IOException {
        if (user.scope().none()) {
            throw new NotFoundException("error.notFound");
        }
        Map<String, String[]> multi = new HashMap<>();
        params.forEach((k, v) -> multi.put(k, new String[] {v}));
        // The same filter, conditions and order as the list page, so the file holds exactly the rows listed.
        ActivityFilter filter = ActivityFilter.fromParamsStrict(multi);
        MapSqlParameterSource sqlParams = new MapSqlParameterSource();
        String where = search.where(filter, user.scope(), RowValidator.ZONE, sqlParams);
        String order = search.orderBy(filter);
        Map<String, String> themes = dictionaries.allItems(LedgerDictionaries.THEME);
        Map<String, String> formats = dictionaries.allItems(LedgerDictionaries.FORMAT);
        Map<KeyGroup, String> groups = dictionaries.keyGroups();
        Map<String, String> status = new HashMap<>();
        for (int i = 0; i < STATUS_LABELS.length; i += 2) {
            status.put(STATUS_LABELS[i], STATUS_LABELS[i + 1]);
        }
        Map<String, String> placeNames = new HashMap<>();
        Map<Long, String> unitNames = new HashMap<>();
        int[] count = {0};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(LedgerTemplateWriter.DATA_SHEET);
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            header(wb, sheet);
            jdbc.query("""
                    select a.id, a.status, a.title, a.theme_code, a.key_groups, a.format_code, a.starts_at, a.ends_at,
                           a.division_code, a.organizer_unit_id,
                           (select string_agg(co.unit_id::text, ',' order by co.unit_id) from activity_co_organizer co
                             where co.activity_id = a.id) as co_units,
                           a.participants_onsite, a.participants_online, a.materials_count, a.volunteers_count,
                           a.media_coverage, a.description
                    from activity a where\s""" + where + " order by " + order, sqlParams,
                    (RowCallbackHandler) rs -> {
                        count[0]++;
                        Row r = sheet.createRow(count[0]);
                        writeRow(rs, r, dateTime, themes, formats, groups, status, placeNames, unitNames);
                    });
            audit.record("EXPORT", "activity", null, null, Map.of("filter", filter.toParams(), "rows", count[0],
                    "format", "xlsx"));
            wb.write(output.open());
            wb.dispose();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count[0];
    }

    private static void header(SXSSFWorkbook wb, SXSSFSheet sheet) {
        CellStyle bold = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        bold.setFont(f);
        Row head = sheet.createRow(0);
        head.createCell(0).setCellValue("编号");
        head.createCell(1).setCellValue("状态");
        for (LedgerColumn c : LedgerColumn.values()) {
            head.createCell(c.ordinal() + 2).setCellValue(c.label());
        }
        for (int i = 0; i < LedgerColumn.values().length + 2; i++) {
            head.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, (i == LedgerColumn.TITLE.ordinal() + 2 ? 36 : 16) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private void writeRow(ResultSet rs, Row r, CellStyle dateTime, Map<String, String> themes,
            Map<String, String> formats, Map<KeyGroup, String> groups, Map<String, String> status,
            Map<String, String> placeNames, Map<Long, String> unitNames) throws SQLException {
        r.createCell(0).setCellValue(rs.getLong("id"));
        text(r, 1, status.getOrDefault(rs.getString("status"), rs.getString("status")));
        int o = 2;
        text(r, o + LedgerColumn.TITLE.ordinal(), rs.getString("title"));
        text(r, o + LedgerColumn.THEME.ordinal(), themes.getOrDefault(rs.getString("theme_code"), rs.getString("theme_code")));
        String[] kg = (String[]) rs.getArray("key_groups").getArray();
        List<String> kgLabels = new ArrayList<>();
        for (String g : kg) {
            try {
                kgLabels.add(groups.get(KeyGroup.valueOf(g)));
            } catch (IllegalArgumentException e) {
                kgLabels.add(g);
            }
        }
        text(r, o + LedgerColumn.KEY_GROUPS.ordinal(), String.join("、", kgLabels));
        text(r, o + LedgerColumn.FORMAT.ordinal(), formats.getOrDefault(rs.getString("format_code"), rs.getString("format_code")));
        date(r, o + LedgerColumn.STARTS_AT.ordinal(), rs.getObject("starts_at", OffsetDateTime.class), dateTime);
        date(r, o + LedgerColumn.ENDS_AT.ordinal(), rs.getObject("ends_at", OffsetDateTime.class), dateTime);
        text(r, o + LedgerColumn.DIVISION.ordinal(), placeNames.computeIfAbsent(rs.getString("division_code"), this::placeName));
        long org = rs.getLong("organizer_unit_id");
        if (!rs.wasNull()) {
            text(r, o + LedgerColumn.ORGANIZER.ordinal(), unitNames.computeIfAbsent(org, this::unitName));
        }
        String co = rs.getString("co_units");
        if (co != null) {
            List<String> names = new ArrayList<>();
            for (String id : co.split(",")) {
                names.add(unitNames.computeIfAbsent(Long.parseLong(id), this::unitName));
            }
            text(r, o + LedgerColumn.CO_ORGANIZERS.ordinal(), String.join("、", names));
        }
        r.createCell(o + LedgerColumn.PARTICIPANTS_ONSITE.ordinal()).setCellValue(rs.getInt("participants_onsite"));
        r.createCell(o + LedgerColumn.PARTICIPANTS_ONLINE.ordinal()).setCellValue(rs.getInt("participants_online"));
        r.createCell(o + LedgerColumn.MATERIALS.ordinal()).setCellValue(rs.getInt("materials_count"));
        r.createCell(o + LedgerColumn.VOLUNTEERS.ordinal()).setCellValue(rs.getInt("volunteers_count"));
        text(r, o + LedgerColumn.MEDIA_COVERAGE.ordinal(), rs.getString("media_coverage"));
        text(r, o + LedgerColumn.DESCRIPTION.ordinal(), rs.getString("description"));
    }

    private static void text(Row r, int col, String value) {
        if (value != null && !value.isEmpty()) {
            r.createCell(col).setCellValue(safe(value));
        }
    }

    private static void date(Row r, int col, OffsetDateTime t, CellStyle style) {
        if (t != null) {
            var c = r.createCell(col);
            c.setCellValue(t.atZoneSameInstant(RowValidator.ZONE).toLocalDateTime());
            c.setCellStyle(style);
        }
    }

    /** 长宁镇/城北社区 for a village, 长宁镇 for a township: the form the import reads back. */
    private String placeName(String code) {
        List<Division> chain = divisions.ancestry(code);
        LinkedHashMap<Integer, String> names = new LinkedHashMap<>();
        for (Division d : chain) {
            if (d.level() >= Division.TOWNSHIP) {
                names.put(d.level(), d.name());
            }
        }
        return names.isEmpty() ? chain.get(chain.size() - 1).name() : String.join("/", names.values());
    }

    private String unitName(long id) {
        return units.find(id).map(MemberUnitRef::name).orElse("");
    }
}
