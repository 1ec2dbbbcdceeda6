package org.kepu.organization.internal;

import org.kepu.shared.ReferenceDataChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.kepu.audit.AuditLog;
import org.kepu.organization.ActionRole;
import org.kepu.organization.UnitType;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes, deactivates and reactivates member units: office admins inside their scope, audited. */
@Service
@Transactional
public class UnitCommands {

    static final int MAX_DUTIES = 20_000;

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    UnitCommands(JdbcClient jdbc, DivisionService divisions, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.audit = audit;
    }

    /** A new unit at the caller's own division (the root of their scope). */
    public long create(CurrentUser user, UnitData data) {
        String path = user.scope().divisionPath();
        if (path == null || !UnitAccess.canManage(user, path)) {
            throw new ForbiddenException("error.forbidden");
        }
        Division division = divisions.require(path.substring(path.lastIndexOf('/') + 1));
        return create(division, data);
    }

    /** A new unit at {@code division}, without a caller check (demo data, tests). */
    public long create(Division division, UnitData data) {
        events.publishEvent(new ReferenceDataChanged("unit"));
        UnitData d = checked(data);
        long id;
        try {
            id = jdbc.sql("""
                    insert into member_unit (division_code, division_path, name, short_name, unit_type, duties,
                                             sort_order)
                    values (:code, :path, :name, :shortName, :type, :duties, :sortOrder) returning id
                    """).param("code", division.code()).param("path", division.path()).param("name", d.name())
                    .param("shortName", d.shortName()).param("type", d.unitType()).param("duties", d.duties())
                    .param("sortOrder", d.sortOrder()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("unit.error.nameTaken", d.name());
        }
        writeRoles(id, d.roles());
        audit.record("CREATE", "member_unit", id, null, snapshot(id));
        return id;
    }

    public void update(CurrentUser user, long id, UnitData data, int version) {
        update(user, id, data, version, null);
    }

    /** As {@link #update(CurrentUser, long, UnitData, int)}, also setting {@code active} when it is not null. */
    public void update(CurrentUser user, long id, UnitData data, int version, Boolean active) {
        events.publishEvent(new ReferenceDataChanged("unit"));
        managed(user, id);
        UnitData d = checked(data);
        Map<String, Object> before = snapshot(id);
        int n;
        try {
            n = jdbc.sql("""
                    update member_unit set name = :name, short_name = :shortName, unit_type = :type, duties = :duties,
                        sort_order = :sortOrder, active = coalesce(:active, active), version = version + 1,
                        updated_at = now()
                    where id = :id and version = :version
                    """).param("active", active).param("name", d.name()).param("shortName", d.shortName()).param("type", d.unitType())
                    .param("duties", d.duties()).param("sortOrder", d.sortOrder()).param("id", id)
                    .param("version", version).update();
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("unit.error.nameTaken", d.name());
        }
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        writeRoles(id, d.roles());
        audit.record("UPDATE", "member_unit", id, before, snapshot(id));
    }

    public void setActive(CurrentUser user, long id, boolean active, int version) {
        events.publishEvent(new ReferenceDataChanged("unit"));
        managed(user, id);
        Map<String, Object> before = snapshot(id);
        int n = jdbc.sql("""
                update member_unit set active = :active, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("active", active).param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record(active ? "REACTIVATE" : "DEACTIVATE", "member_unit", id, before, snapshot(id));
    }

    /** The unit's division path when the caller may manage it; 404 when it does not exist, 403 when not allowed. */
    String managed(CurrentUser user, long id) {
        String path = jdbc.sql("select division_path from member_unit where id = :id").param("id", id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!UnitAccess.canManage(user, path)) {
            throw new ForbiddenException("error.forbidden");
        }
        return path;
    }

    private void writeRoles(long id, Map<KeyGroup, ActionRole> roles) {
        jdbc.sql("delete from member_unit_action_role where unit_id = :id").param("id", id).update();
        if (roles == null) {
            return;
        }
        roles.forEach((group, role) -> {
            if (role != null) {
                jdbc.sql("insert into member_unit_action_role (unit_id, key_group, role) values (:id, :g, :r)")
                        .param("id", id).param("g", group.name()).param("r", role.name()).update();
            }
        });
    }

    private Map<String, Object> snapshot(long id) {
        Map<String, Object> m = new LinkedHashMap<>(jdbc.sql("""
                select name, short_name, unit_type, duties, active, sort_order, version from member_unit where id = :id
                """).param("id", id).query().singleRow());
        m.put("roles", jdbc.sql("""
                select coalesce(string_agg(key_group || ':' || role, ',' order by key_group), '')
                from member_unit_action_role where unit_id = :id
                """).param("id", id).query(String.class).single());
        return m;
    }

    static UnitData checked(UnitData d) {
        String name = trim(d.name());
        if (name == null) {
            throw new BadRequestException("unit.error.nameRequired");
        }
        if (name.length() > 100) {
            throw new BadRequestException("unit.error.nameLong");
        }
        String shortName = trim(d.shortName());
        if (shortName != null && shortName.length() > 50) {
            throw new BadRequestException("unit.error.shortNameLong");
        }
        String type = trim(d.unitType());
        if (type == null || java.util.Arrays.stream(UnitType.values()).noneMatch(t -> t.name().equals(type))) {
            throw new BadRequestException("unit.error.type");
        }
        String duties = trim(d.duties());
        if (duties != null && duties.length() > MAX_DUTIES) {
            throw new BadRequestException("unit.error.dutiesLong", MAX_DUTIES);
        }
        int sortOrder = d.sortOrder() == null ? 0 : d.sortOrder();
        if (sortOrder < 0 || sortOrder > 9999) {
            throw new BadRequestException("unit.error.sortOrder");
        }
        Map<KeyGroup, ActionRole> roles = d.roles() == null ? Map.of() : d.roles();
        Set<KeyGroup> groups = roles.keySet();
        if (groups.stream().anyMatch(g -> !g.fiveKeyGroups())) {
            throw new BadRequestException("unit.error.keyGroup");
        }
        return new UnitData(name, shortName, type, duties, sortOrder, roles);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
