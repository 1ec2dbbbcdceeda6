package org.kepu.organization.internal;

import org.kepu.shared.db.Rows;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PageResult;
import org.kepu.shared.PersonalDataCipher;
import org.kepu.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scope-limited reads of member units for the pages and the API. */
@Service
@Transactional(readOnly = true)
public class UnitQueries {

    /** List filters: text in name/short name/duties, unit type, active (true), inactive (false) or both (null). */
    public record Filter(String q, String type, Boolean active) {
    }

    private static final String ROW = """
            select u.id, u.division_code, u.division_path, u.name, u.short_name, u.unit_type, u.active, u.sort_order,
                   u.version,
                   (select count(*) from member_unit_liaison l where l.unit_id = u.id) as liaison_count,
                   (select string_agg(r.key_group, ',' order by r.key_group) from member_unit_action_role r
                     where r.unit_id = u.id and r.role = 'LEAD') as lead_groups,
                   (select string_agg(r.key_group, ',' order by r.key_group) from member_unit_action_role r
                     where r.unit_id = u.id and r.role = 'COOPERATING') as cooperating_groups
            from member_unit u
            """;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    UnitQueries(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public PageResult<UnitRow> list(CurrentUser user, Filter f, int page, int size) {
        ScopeSql scope = UnitAccess.readable(user);
        StringBuilder where = new StringBuilder(" where ").append(scope.condition());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (u.name ilike :q or u.short_name ilike :q or u.duties ilike :q)");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.type() != null && !f.type().isBlank()) {
            where.append(" and u.unit_type = :type");
            params.put("type", f.type());
        }
        if (f.active() != null) {
            where.append(" and u.active = :active");
            params.put("active", f.active());
        }
        long total = jdbc.sql("select count(*) from member_unit u" + where).params(params).query(Long.class).single();
        List<UnitRow> rows = jdbc.sql(ROW + where + " order by u.active desc, u.sort_order, u.name, u.id"
                        + " limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) (page - 1) * size)
                .query(Rows.of(UnitRow.class)).list();
        return new PageResult<>(rows, page, size, total);
    }

    public UnitDetail detail(CurrentUser user, long id) {
        ScopeSql scope = UnitAccess.readable(user);
        var unit = jdbc.sql("""
                select u.id, u.division_code, u.division_path, u.name, u.short_name, u.unit_type, u.duties, u.active,
                       u.sort_order, u.version
                from member_unit u where u.id = :id and\s""" + scope.condition())
                .param("id", id).params(scope.params()).query().listOfRows();
        if (unit.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        return toDetail(user, unit.get(0));
    }

    private UnitDetail toDetail(CurrentUser user, Map<String, Object> u) {
        long id = ((Number) u.get("id")).longValue();
        String path = (String) u.get("division_path");
        boolean full = UnitAccess.seesFullPhone(user);
        List<LiaisonView> liaisons = jdbc.sql("""
                select id, name, post, phone_enc, email, sort_order, version from member_unit_liaison
                where unit_id = :id order by sort_order, id
                """).param("id", id).query((rs, n) -> {
                    String phone = cipher.decrypt(rs.getString("phone_enc"));
                    return new LiaisonView(rs.getLong("id"), rs.getString("name"), rs.getString("post"),
                            full ? phone : PersonalDataCipher.maskPhone(phone), rs.getString("email"),
                            rs.getInt("sort_order"), rs.getInt("version"));
                }).list();
        return new UnitDetail(id, (String) u.get("division_code"), path, (String) u.get("name"),
                (String) u.get("short_name"), (String) u.get("unit_type"), (String) u.get("duties"),
                (Boolean) u.get("active"), ((Number) u.get("sort_order")).intValue(),
                ((Number) u.get("version")).intValue(), roles(id), liaisons, aliases(id),
                UnitAccess.canManage(user, path), UnitAccess.canManageLiaisons(user, id, path));
    }

    List<AliasView> aliases(long unitId) {
        return jdbc.sql("select id, alias from member_unit_alias where unit_id = :id order by alias")
                .param("id", unitId).query(Rows.of(AliasView.class)).list();
    }

    Map<KeyGroup, ActionRole> roles(long unitId) {
        Map<KeyGroup, ActionRole> roles = new EnumMap<>(KeyGroup.class);
        jdbc.sql("select key_group, role from member_unit_action_role where unit_id = :id").param("id", unitId)
                .query((rs, n) -> roles.put(KeyGroup.valueOf(rs.getString(1)), ActionRole.valueOf(rs.getString(2))))
                .list();
        return roles;
    }
}
