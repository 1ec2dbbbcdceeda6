package org.kepu.region.internal;

import org.kepu.shared.db.Rows;
import java.util.List;
import java.util.Optional;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PageResult;
import org.kepu.shared.Scope;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scope-limited reads of the division tree for the browser pages and the API. */
@Service
@Transactional(readOnly = true)
public class DivisionBrowser {

    private static final String ROW = """
            select d.code, d.parent_code, d.name, d.level, d.path, d.population, d.urban_rural, d.version,
                   (select count(*) from division c where c.parent_code = d.code) as child_count
            from division d
            """;

    private final JdbcClient jdbc;
    private final DivisionService divisions;

    DivisionBrowser(JdbcClient jdbc, DivisionService divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    /** A division the caller may see; 404 otherwise, whether it exists or not. */
    public Division require(CurrentUser user, String code) {
        Division d = divisions.find(code).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!DivisionAccess.canRead(user, d)) {
            throw new NotFoundException("error.notFound");
        }
        return d;
    }

    /** The tops of what the caller sees: the roots of the tree for platform admins, else the scope's division. */
    public List<DivisionRow> tops(CurrentUser user) {
        if (DivisionAccess.seesAll(user)) {
            return jdbc.sql(ROW + " where d.parent_code is null order by d.code").query(Rows.of(DivisionRow.class)).list();
        }
        Optional<String> path = DivisionAccess.scopePath(user);
        if (path.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ROW + " where d.path = :path").param("path", path.get()).query(Rows.of(DivisionRow.class)).list();
    }

    public List<DivisionRow> children(CurrentUser user, String code) {
        Division parent = require(user, code);
        return jdbc.sql(ROW + " where d.parent_code = :code order by d.code").param("code", parent.code())
                .query(Rows.of(DivisionRow.class)).list();
    }

    public DivisionRow row(CurrentUser user, String code) {
        Division d = require(user, code);
        return jdbc.sql(ROW + " where d.code = :code").param("code", d.code()).query(Rows.of(DivisionRow.class)).single();
    }

    /** One page of the divisions of {@code level} inside the subtree at {@code code} (the caller's own if null). */
    public PageResult<DivisionRow> subtree(CurrentUser user, String code, Integer level, int page, int size) {
        String path;
        if (code != null && !code.isBlank()) {
            path = require(user, code).path();
        } else if (DivisionAccess.seesAll(user)) {
            path = null;
        } else {
            path = DivisionAccess.scopePath(user).orElse(null);
            if (path == null) {
                return new PageResult<>(List.of(), page, size, 0);
            }
        }
        ScopeSql s = path == null ? new ScopeSql("true", java.util.Map.of())
                : ScopeSql.of(Scope.division(path), "d.path", null);
        String where = " where (cast(:level as integer) is null or d.level = cast(:level as integer)) and "
                + s.condition();
        long total = jdbc.sql("select count(*) from division d" + where).param("level", level).params(s.params())
                .query(Long.class).single();
        var rows = jdbc.sql(ROW + where + " order by d.level, d.code limit :limit offset :offset")
                .param("level", level).params(s.params()).param("limit", size)
                .param("offset", (long) (page - 1) * size);
        return new PageResult<>(rows.query(Rows.of(DivisionRow.class)).list(), page, size, total);
    }
}
