package org.kepu.region;

import java.util.List;
import java.util.Optional;
import org.kepu.shared.NameCache;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.ReferenceDataChanged;
import org.kepu.shared.ScopeSql;
import org.kepu.shared.db.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Read access to the division tree for every module. */
@Service
@Transactional(readOnly = true)
public class DivisionService {

    static final String COLUMNS = "code, parent_code, name, level, path, population, urban_rural, version";

    private final JdbcClient jdbc;
    private final NameCache<String> nameCache = new NameCache<>(200_000);

    DivisionService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Division> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from division where code = :code").param("code", code)
                .query(Rows.of(Division.class)).optional();
    }

    public Division require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    public List<Division> children(String code) {
        return jdbc.sql("select " + COLUMNS + " from division where parent_code = :code order by code")
                .param("code", code).query(Rows.of(Division.class)).list();
    }

    public List<Division> roots() {
        return jdbc.sql("select " + COLUMNS + " from division where parent_code is null order by code")
                .query(Rows.of(Division.class)).list();
    }

    /** The divisions of one level inside the subtree at {@code path} (the root itself included if it matches). */
    public List<Division> inSubtree(String path, int level) {
        return jdbc.sql("select " + COLUMNS + " from division where level = :level and "
                + ScopeSql.subtree("path", "path") + " order by code")
                .param("level", level).param("path", path).param("pathEnd", ScopeSql.subtreeEnd(path))
                .query(Rows.of(Division.class)).list();
    }

    /**
     * The divisions of levels {@code fromLevel}..{@code toLevel} inside the subtree at {@code path}, in tree order
     * (each division followed by the ones below it), in one query.
     */
    public List<Division> treeInSubtree(String path, int fromLevel, int toLevel) {
        return jdbc.sql("select " + COLUMNS + " from division where level between :from and :to and "
                + ScopeSql.subtree("path", "path") + " order by path collate \"C\"")
                .param("from", fromLevel).param("to", toLevel).param("path", path)
                .param("pathEnd", ScopeSql.subtreeEnd(path)).query(Rows.of(Division.class)).list();
    }

    /** A division by its name inside the subtree at {@code path}, e.g. a township named in an imported ledger. */
    public List<Division> findByName(String name, String path) {
        return jdbc.sql("select " + COLUMNS + " from division where name = :name and (path = :path or path like :prefix)"
                + " order by level, code")
                .param("name", name).param("path", path).param("prefix", ScopeSql.likePrefix(path))
                .query(Rows.of(Division.class)).list();
    }

    /**
     * The names of the given divisions by code (unknown codes are left out): from memory when read in the last
     * {@link NameCache#TTL}, the rest in one query. Every list page needs them; a division import on this node drops
     * them at once.
     */
    public java.util.Map<String, String> names(java.util.Collection<String> codes) {
        return nameCache.names(codes, missing -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            jdbc.sql("select code, name from division where code = any(:codes)")
                    .param("codes", missing.toArray(String[]::new))
                    .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
            return out;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void referenceDataChanged(ReferenceDataChanged event) {
        if ("division".equals(event.what())) {
            nameCache.clear();
        }
    }

    /** The chain from the root down to {@code code}, e.g. 江西省 › 赣州市 › 寻乌县 › 文峰乡. */
    public List<Division> ancestry(String code) {
        Division d = require(code);
        List<String> codes = List.of(d.path().split("/"));
        return jdbc.sql("select " + COLUMNS + " from division where code in (:codes) order by level")
                .param("codes", codes).query(Rows.of(Division.class)).list();
    }
}
