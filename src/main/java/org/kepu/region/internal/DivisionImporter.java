package org.kepu.region.internal;

import org.kepu.shared.ReferenceDataChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a province, city or county subtree from the five CSV files: every row is checked first (all problems
 * listed with file and line), then all rows are written in one transaction or none. Idempotent: rows are upserted
 * by code, and unchanged rows are left alone. Ancestors of the root are inserted when missing, never changed.
 * Population and urban/rural type are not in the files and stay as they are.
 */
@Service
public class DivisionImporter {

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    DivisionImporter(JdbcClient jdbc, JdbcTemplate batchJdbc, AuditLog audit, MessageSource messages, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public DivisionImportResult importSubtree(DivisionCsvFiles files, String rootCode) {
        events.publishEvent(new ReferenceDataChanged("division"));
        String root = rootCode == null ? "" : rootCode.strip();
        if (!root.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new BadRequestException("division.import.rootInvalid", root);
        }
        DivisionCsvParser parser = new DivisionCsvParser(this::message);
        List<DivisionCsvParser.Row> rows = parser.parse(files, root);
        if (!parser.problems().isEmpty()) {
            throw new DivisionImportException(parser.problems());
        }
        Map<String, DivisionCsvParser.Row> byCode = new HashMap<>();
        rows.forEach(r -> byCode.put(r.code(), r));
        Map<String, String> paths = new HashMap<>();
        String rootPath = pathOf(byCode, root, paths);
        checkAllowed(rootPath);

        jdbc.sql("""
                create temporary table division_import (code varchar(12), parent_code varchar(12), name varchar(100),
                    level smallint, path text, ancestor boolean) on commit drop
                """).update();
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (DivisionCsvParser.Row r : rows) {
            batch.add(new Object[] {r.code(), r.parentCode(), r.name(), r.level(), pathOf(byCode, r.code(), paths),
                r.code().length() < root.length()});
        }
        batchJdbc.batchUpdate("insert into division_import values (?, ?, ?, ?, ?, ?)", batch);
        int inserted = jdbc.sql("""
                insert into division (code, parent_code, name, level, path)
                select code, parent_code, name, level, path from division_import where ancestor order by level
                on conflict (code) do nothing
                """).update();
        List<Integer> counts = jdbc.sql("""
                with r as (
                    insert into division (code, parent_code, name, level, path)
                    select code, parent_code, name, level, path from division_import where not ancestor
                    order by level, code
                    on conflict (code) do update set parent_code = excluded.parent_code, name = excluded.name,
                        level = excluded.level, path = excluded.path, version = division.version + 1,
                        updated_at = now()
                    where (division.parent_code, division.name, division.level, division.path)
                        is distinct from (excluded.parent_code, excluded.name, excluded.level, excluded.path)
                    returning (xmax = 0) as ins)
                select cast(count(*) filter (where ins) as int), cast(count(*) filter (where not ins) as int) from r
                """).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single();
        jdbc.sql("drop table division_import").update();
        inserted += counts.get(0);
        int updated = counts.get(1);
        String rootName = byCode.get(root).name();
        var result = new DivisionImportResult(root, rootName, rows.size(), inserted, updated,
                rows.size() - inserted - updated);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("root", root);
        after.put("total", result.total());
        after.put("inserted", inserted);
        after.put("updated", updated);
        audit.record("IMPORT", "division", root, null, after);
        return result;
    }

    private static String pathOf(Map<String, DivisionCsvParser.Row> byCode, String code, Map<String, String> paths) {
        String known = paths.get(code);
        if (known != null) {
            return known;
        }
        DivisionCsvParser.Row row = byCode.get(code);
        String path = row.parentCode() == null ? code : pathOf(byCode, row.parentCode(), paths) + "/" + code;
        paths.put(code, path);
        return path;
    }

    private void checkAllowed(String rootPath) {
        CurrentUser user = CurrentUsers.find().orElse(null);
        if (user == null || user.is(Role.SYS_ADMIN)) {
            return;
        }
        if (user.is(Role.OFFICE_ADMIN) && user.scope().coversPath(rootPath)) {
            return;
        }
        throw new ForbiddenException("error.forbidden");
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
