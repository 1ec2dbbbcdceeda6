package org.kepu.organization;

import org.kepu.shared.db.Rows;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.shared.KeyGroup;
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
                .query(Rows.of(MemberUnitRef.class)).optional();
    }

    /** The names of the given units by id, in one query (unknown ids are left out). */
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, name from member_unit where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /** Active units at divisions on the way from the root to {@code path} or below it (e.g. a county's units). */
    public List<MemberUnitRef> activeUnitsFor(String path) {
        return jdbc.sql("select " + COLUMNS + " from member_unit where active and (division_path = :path"
                + " or division_path like :prefix or :path like division_path || '/%') order by sort_order, name")
                .param("path", path).param("prefix", ScopeSql.likePrefix(path)).query(Rows.of(MemberUnitRef.class)).list();
    }

    /** A unit by its exact name or short name among the units visible from {@code path}. */
    public Optional<MemberUnitRef> findByName(String name, String path) {
        return activeUnitsFor(path).stream()
                .filter(u -> u.name().equals(name) || name.equals(u.shortName()))
                .findFirst();
    }

    /** The unit's part (lead or cooperating) in each key-group action it takes part in. */
    public Map<KeyGroup, ActionRole> keyGroupRoles(long unitId) {
        Map<KeyGroup, ActionRole> roles = new EnumMap<>(KeyGroup.class);
        jdbc.sql("select key_group, role from member_unit_action_role where unit_id = :id").param("id", unitId)
                .query((rs, n) -> roles.put(KeyGroup.valueOf(rs.getString(1)), ActionRole.valueOf(rs.getString(2))))
                .list();
        return roles;
    }

    /** Active units visible from {@code path} with the given role in the action for {@code group}. */
    public List<MemberUnitRef> unitsWithRole(KeyGroup group, ActionRole role, String path) {
        return jdbc.sql("select " + COLUMNS + " from member_unit where active and (division_path = :path"
                + " or division_path like :prefix or :path like division_path || '/%') and id in (select unit_id"
                + " from member_unit_action_role where key_group = :group and role = :role) order by sort_order, name")
                .param("path", path).param("prefix", ScopeSql.likePrefix(path)).param("group", group.name())
                .param("role", role.name()).query(Rows.of(MemberUnitRef.class)).list();
    }
}
