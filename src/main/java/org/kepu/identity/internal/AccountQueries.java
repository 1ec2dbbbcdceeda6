package org.kepu.identity.internal;

import org.kepu.shared.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PageResult;
import org.kepu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads accounts for the admin pages and the personal page. */
@Service
@Transactional(readOnly = true)
public class AccountQueries {

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final MemberUnitService units;
    private final Clock clock;

    AccountQueries(JdbcClient jdbc, DivisionService divisions, MemberUnitService units, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.units = units;
        this.clock = clock;
    }

    public Optional<AccountView> find(long id) {
        return jdbc.sql("select " + AccountView.COLUMNS + " from app_user where id = :id").param("id", id)
                .query(Rows.of(AccountView.class)).optional();
    }

    public AccountView require(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    public Optional<AccountView> findByUsername(String username) {
        return jdbc.sql("select " + AccountView.COLUMNS + " from app_user where lower(username) = lower(:u)")
                .param("u", username).query(Rows.of(AccountView.class)).optional();
    }

    /** Accounts whose user name or display name contains {@code q}, optionally of one role, by user name. */
    public PageResult<AccountView> search(String q, Role role, Integer page, Integer size) {
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        String like = q == null || q.isBlank() ? null
                : "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " where (cast(:like as text) is null or username ilike :like or display_name ilike :like)"
                + " and (cast(:role as text) is null or role = :role)";
        String roleName = role == null ? null : role.name();
        long total = jdbc.sql("select count(*) from app_user" + where).param("like", like).param("role", roleName)
                .query(Long.class).single();
        List<AccountView> rows = jdbc.sql("select " + AccountView.COLUMNS + " from app_user" + where
                        + " order by username limit :limit offset :offset")
                .param("like", like).param("role", roleName).param("limit", s)
                .param("offset", (long) (p - 1) * s).query(Rows.of(AccountView.class)).list();
        return new PageResult<>(rows, p, s, total);
    }

    /** Accounts locked right now after too many failed sign-ins. */
    public List<AccountView> locked() {
        return jdbc.sql("select " + AccountView.COLUMNS + " from app_user where locked_until > :now order by username")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).query(Rows.of(AccountView.class))
                .list();
    }

    /** What the account's scope is called: a division's or member unit's name, or empty. */
    public String scopeLabel(AccountView a) {
        if (a.unitId() != null) {
            return units.find(a.unitId()).map(MemberUnitRef::name).orElse("#" + a.unitId());
        }
        if (a.divisionCode() != null) {
            return divisions.find(a.divisionCode()).map(d -> d.name() + "（" + d.code() + "）")
                    .orElse(a.divisionCode());
        }
        return "";
    }

    /** Units an account can be attached to: the active units of every county-level division and above. */
    public List<MemberUnitRef> selectableUnits() {
        return divisions.roots().stream().map(Division::path).flatMap(p -> units.activeUnitsFor(p).stream())
                .distinct().toList();
    }

    public Clock clock() {
        return clock;
    }
}
