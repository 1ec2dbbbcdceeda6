package org.kepu.organization;

import java.util.List;
import java.util.Optional;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to member units for every module. */
@Service
@Transactional(readOnly = true)
public class MemberUnitService {

    static final String COLUMNS = "id, name, short_name, division_code, division_path, active";

    private final JdbcClient jdbc;

    MemberUnitService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MemberUnitRef> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from member_unit where id = :id").param("id", id)
                .query(MemberUnitRef.class).optional();
    }

    /** Active units at divisions on the way from the root to {@code path} or below it (e.g. a county's units). */
    public List<MemberUnitRef> activeUnitsFor(String path) {
        return jdbc.sql("select " + COLUMNS + " from member_unit where active and (division_path = :path"
                + " or division_path like :prefix or :path like division_path || '/%') order by sort_order, name")
                .param("path", path).param("prefix", ScopeSql.likePrefix(path)).query(MemberUnitRef.class).list();
    }

    /** A unit by its exact name or short name among the units visible from {@code path}. */
    public Optional<MemberUnitRef> findByName(String name, String path) {
        return activeUnitsFor(path).stream()
                .filter(u -> u.name().equals(name) || name.equals(u.shortName()))
                .findFirst();
    }
}
