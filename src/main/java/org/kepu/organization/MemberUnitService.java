package org.kepu.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.organization.internal.AliasCommands;
import org.kepu.organization.internal.UnitAccess;
import org.kepu.organization.internal.UnitCommands;
import org.kepu.organization.internal.UnitData;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NameCache;
import org.kepu.shared.ReferenceDataChanged;
import org.kepu.shared.ScopeSql;
import org.kepu.shared.db.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Access to member units for every module: reads, name resolution (with aliases), and the few writes others need. */
@Service
@Transactional(readOnly = true)
public class MemberUnitService {

    static final String COLUMNS = "id, name, short_name, division_code, division_path, active";

    private static final String VISIBLE_FROM = "(division_path = :path or division_path like :prefix"
            + " or :path like division_path || '/%')";

    private final JdbcClient jdbc;
    private final UnitCommands commands;
    private final AliasCommands aliases;
    private final DivisionService divisions;
    private final NameCache<Long> nameCache = new NameCache<>(100_000);

    MemberUnitService(JdbcClient jdbc, UnitCommands commands, AliasCommands aliases, DivisionService divisions) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.aliases = aliases;
        this.divisions = divisions;
    }

    public Optional<MemberUnitRef> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from member_unit where id = :id").param("id", id)
                .query(Rows.of(MemberUnitRef.class)).optional();
    }

    /**
     * The names of the given units by id (unknown ids are left out): from memory when read in the last
     * {@link NameCache#TTL}, the rest in one query. Every list page needs them; a change of a unit on this node drops
     * them at once.
     */
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        return nameCache.names(ids, missing -> {
            Map<Long, String> out = new java.util.HashMap<>();
            jdbc.sql("select id, name from member_unit where id = any(:ids)")
                    .param("ids", missing.toArray(Long[]::new))
                    .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
            return out;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void referenceDataChanged(ReferenceDataChanged event) {
        if ("unit".equals(event.what())) {
            nameCache.clear();
        }
    }

    /** The unit when {@code user} may see it (the same rule as the unit pages), else empty. */
    public Optional<MemberUnitRef> findReadable(CurrentUser user, long id) {
        ScopeSql scope = UnitAccess.readable(user);
        return jdbc.sql("select " + COLUMNS + " from member_unit u where u.id = :id and " + scope.condition())
                .param("id", id).params(scope.params()).query(Rows.of(MemberUnitRef.class)).optional();
    }

    /** Active units visible to {@code user}, in list order. */
    public List<MemberUnitRef> readableUnits(CurrentUser user) {
        ScopeSql scope = UnitAccess.readable(user);
        return jdbc.sql("select " + COLUMNS + " from member_unit u where u.active and " + scope.condition()
                + " order by u.sort_order, u.name").params(scope.params()).query(Rows.of(MemberUnitRef.class)).list();
    }

    /** Active units at divisions on the way from the root to {@code path} or below it (e.g. a county's units). */
    public List<MemberUnitRef> activeUnitsFor(String path) {
        return jdbc.sql("select " + COLUMNS + " from member_unit where active and " + VISIBLE_FROM
                + " order by sort_order, name")
                .param("path", path).param("prefix", ScopeSql.likePrefix(path)).query(Rows.of(MemberUnitRef.class)).list();
    }

    /** A unit by its exact name or short name among the units visible from {@code path}. */
    public Optional<MemberUnitRef> findByName(String name, String path) {
        return activeUnitsFor(path).stream()
                .filter(u -> u.name().equals(name) || name.equals(u.shortName()))
                .findFirst();
    }

    /**
     * The active unit visible from {@code path} that a written name means: its exact name, its short name, one of
     * its aliases, or — after {@link UnitNames#key} normalisation (full/half width, spaces) or with/without a
     * leading 县 — one of those. Units at the division itself win over units above it, those over units below it.
     */
    public Optional<UnitMatch> resolveName(String written, String path) {
        return Optional.ofNullable(resolveNames(List.of(written == null ? "" : written), path).get(written));
    }

    /** {@link #resolveName} for many names at once; unmatched names are absent from the result. */
    public Map<String, UnitMatch> resolveNames(Collection<String> written, String path) {
        List<MemberUnitRef> units = new ArrayList<>(activeUnitsFor(path));
        units.sort(Comparator.comparingInt(u -> closeness(u.divisionPath(), path)));
        Map<Long, MemberUnitRef> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        List<Object[]> aliasRows = jdbc.sql("""
                select a.unit_id, a.alias, a.alias_key from member_unit_alias a join member_unit u on u.id = a.unit_id
                where u.active and (u.division_path = :path or u.division_path like :prefix
                                    or :path like u.division_path || '/%')
                """).param("path", path).param("prefix", ScopeSql.likePrefix(path))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        aliasRows.sort(Comparator.comparingInt(r -> units.indexOf(byId.get((Long) r[0]))));
        Map<String, UnitMatch> out = new LinkedHashMap<>();
        for (String w : written) {
            if (w == null || w.isBlank() || out.containsKey(w)) {
                continue;
            }
            UnitMatch m = match(w.strip(), units, aliasRows, byId);
            if (m != null) {
                out.put(w, m);
            }
        }
        return out;
    }

    private static UnitMatch match(String s, List<MemberUnitRef> units, List<Object[]> aliasRows,
            Map<Long, MemberUnitRef> byId) {
        for (MemberUnitRef u : units) {
            if (u.name().equals(s)) {
                return new UnitMatch(u, UnitMatch.Via.NAME, u.name());
            }
        }
        for (MemberUnitRef u : units) {
            if (s.equals(u.shortName())) {
                return new UnitMatch(u, UnitMatch.Via.SHORT_NAME, u.shortName());
            }
        }
        String key = UnitNames.key(s);
        List<String> keys = new ArrayList<>();
        keys.add(key);
        String without = UnitNames.withoutCountyPrefix(key);
        keys.add(without != null ? without : "县" + key);
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            for (Object[] a : aliasRows) {
                if (k.equals(a[2])) {
                    return new UnitMatch(byId.get((Long) a[0]), UnitMatch.Via.ALIAS, (String) a[1]);
                }
            }
            for (MemberUnitRef u : units) {
                if (k.equals(UnitNames.key(u.name()))) {
                    return new UnitMatch(u, UnitMatch.Via.NORMALISED, u.name());
                }
                if (u.shortName() != null && k.equals(UnitNames.key(u.shortName()))) {
                    return new UnitMatch(u, UnitMatch.Via.NORMALISED, u.shortName());
                }
            }
        }
        return null;
    }

    /** 0 for a unit at {@code path} itself, then units above it (nearest first), then units below it. */
    private static int closeness(String unitPath, String path) {
        if (unitPath.equals(path)) {
            return 0;
        }
        if (path.startsWith(unitPath + "/")) {
            return 1000 - unitPath.length();
        }
        return 2000 + unitPath.length();
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

    /**
     * Saves {@code alias} as another name of the unit (office admin in scope; audited). Joins the caller's
     * transaction, so a plan import that adds aliases adds all of them or none.
     */
    @Transactional
    public long addAlias(CurrentUser user, long unitId, String alias) {
        return aliases.add(user, unitId, alias);
    }

    /**
     * A new active member unit named {@code name} at {@code divisionCode} (office admin whose scope covers that
     * division; audited). Joins the caller's transaction.
     */
    @Transactional
    public long createUnit(CurrentUser user, String name, UnitType type, String divisionCode) {
        var division = divisions.require(divisionCode);
        if (!UnitAccess.canManage(user, division.path())) {
            throw new ForbiddenException("error.forbidden");
        }
        return commands.create(division, new UnitData(name, null, type.name(), null, 0, Map.of()));
    }
}
