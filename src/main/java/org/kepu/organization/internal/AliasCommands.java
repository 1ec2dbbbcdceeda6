package org.kepu.organization.internal;

import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.organization.UnitNames;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and removes a unit's aliases (office admin in scope), audited. An alias is unique per division by its
 * normalised key and may not be the name or short name of another unit there, so a written name always leads to
 * one unit.
 */
@Service
@Transactional
public class AliasCommands {

    static final int MAX_LENGTH = 100;

    private final JdbcClient jdbc;
    private final UnitCommands units;
    private final AuditLog audit;

    AliasCommands(JdbcClient jdbc, UnitCommands units, AuditLog audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
    }

    public long add(CurrentUser user, long unitId, String alias) {
        units.managed(user, unitId);
        return add(unitId, alias);
    }

    /** Adds an alias without a caller check (demo data). */
    public long add(long unitId, String alias) {
        String text = alias == null ? "" : alias.strip();
        if (text.isEmpty()) {
            throw new BadRequestException("alias.error.required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new BadRequestException("alias.error.long", MAX_LENGTH);
        }
        String key = UnitNames.key(text);
        var unit = jdbc.sql("select division_code, name, short_name from member_unit where id = :id")
                .param("id", unitId).query().listOfRows();
        if (unit.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        String divisionCode = (String) unit.get(0).get("division_code");
        if (key.equals(UnitNames.key((String) unit.get(0).get("name")))) {
            throw new BadRequestException("alias.error.ownName", text);
        }
        List<String> others = jdbc.sql("""
                select name, short_name from member_unit where division_code = :c and id <> :id
                """).param("c", divisionCode).param("id", unitId)
                .query((rs, n) -> key.equals(UnitNames.key(rs.getString(1)))
                        || key.equals(UnitNames.key(rs.getString(2))) ? rs.getString(1) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        if (!others.isEmpty()) {
            throw new BadRequestException("alias.error.otherUnit", text, others.get(0));
        }
        // on conflict: a taken alias must not abort the caller's transaction (a plan import saves many at once).
        Long id = jdbc.sql("""
                insert into member_unit_alias (unit_id, division_code, alias, alias_key)
                values (:unit, :c, :alias, :key) on conflict (division_code, alias_key) do nothing returning id
                """).param("unit", unitId).param("c", divisionCode).param("alias", text).param("key", key)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            String owner = jdbc.sql("""
                    select u.name from member_unit_alias a join member_unit u on u.id = a.unit_id
                    where a.division_code = :c and a.alias_key = :key
                    """).param("c", divisionCode).param("key", key).query(String.class).optional().orElse("");
            throw new BadRequestException("alias.error.taken", text, owner);
        }
        audit.record("CREATE", "member_unit_alias", id, null, Map.of("unitId", unitId, "alias", text));
        return id;
    }

    public void delete(CurrentUser user, long unitId, long aliasId) {
        units.managed(user, unitId);
        String alias = jdbc.sql("select alias from member_unit_alias where id = :id and unit_id = :unit")
                .param("id", aliasId).param("unit", unitId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        jdbc.sql("delete from member_unit_alias where id = :id").param("id", aliasId).update();
        audit.record("DELETE", "member_unit_alias", aliasId, Map.of("unitId", unitId, "alias", alias), null);
    }
}
