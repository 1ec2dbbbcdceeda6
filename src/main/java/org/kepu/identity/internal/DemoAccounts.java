package org.kepu.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kepu.audit.AuditLog;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: one account for every role of DESIGN §1, with a known password, scoped to real places of the
 * demo data (寻乌县 360734, its first township and that township's first village, the unit 县教育局 — called
 * 县教科体局 in 寻乌县 — or else 县科协).
 * Idempotent: an existing user name is left alone. Runs after the division (100) and unit (200) demo data.
 */
@Component
@Profile("demo")
@Order(300)
class DemoAccounts implements ApplicationRunner {

    static final String COUNTY = "360734";
    /** The demo password of every demo account; it satisfies the password policy. */
    static final String PASSWORD = "Kepu@2026demo";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** One demo account as the banner lists it. */
    record DemoAccount(String username, String displayName, Role role, String where) {
    }

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final MemberUnitService units;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    DemoAccounts(JdbcClient jdbc, DivisionService divisions, MemberUnitService units, PasswordEncoder encoder,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.units = units;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<Division> county = divisions.find(COUNTY);
        Optional<Division> township = county.flatMap(c -> divisions.children(c.code()).stream()
                .filter(d -> d.level() == Division.TOWNSHIP).findFirst());
        Optional<Division> village = township.flatMap(t -> divisions.children(t.code()).stream().findFirst());
        String countyPath = county.map(Division::path).orElse(COUNTY);
        Optional<MemberUnitRef> kexie = unit("县科协", countyPath);
        Optional<MemberUnitRef> education = unit("县教育局", countyPath).or(() -> unit("县教科体局", countyPath))
                .or(() -> kexie);
        String educationName = education.map(MemberUnitRef::name).orElse("");
        if (county.isEmpty()) {
            log.warn("Demo accounts: division {} not found; division-scoped demo accounts are skipped", COUNTY);
        }
        int created = 0;
        created += division("office", "县纲要办 王主任", Role.OFFICE_ADMIN, county);
        created += unit("liaison", educationName + " 联络员 李老师", Role.UNIT_LIAISON, education);
        created += unit("unithead", educationName + " 负责人 陈局长", Role.UNIT_HEAD, education);
        created += division("township", township.map(Division::name).orElse("乡镇") + " 科协 刘干事",
                Role.TOWNSHIP_ADMIN, township);
        created += division("village", village.map(Division::name).orElse("村") + " 宣传员 钟大姐",
                Role.VILLAGE_RECORDER, village);
        created += plain("teamleader", "科技志愿服务队 队长 赖队长", Role.TEAM_LEADER);
        created += plain("volunteer", "科技志愿者 古同学", Role.VOLUNTEER);
        created += division("leader", "县领导 张副县长", Role.LEADER, county);
        created += division("evaluator", "验收专家 黄教授", Role.EVALUATOR, county);
        created += plain("sysadmin", "系统管理员", Role.SYS_ADMIN);
        created += plain("secadmin", "安全管理员", Role.SEC_ADMIN);
        created += plain("auditadmin", "审计管理员", Role.AUDIT_ADMIN);
        if (created > 0) {
            log.info("Demo accounts: {} created", created);
        }
    }

    /** The demo accounts that exist, for the start-up banner. */
    List<DemoAccount> existing() {
        List<DemoAccount> list = new ArrayList<>();
        for (String username : List.of("office", "liaison", "unithead", "township", "village", "teamleader",
                "volunteer", "leader", "evaluator", "sysadmin", "secadmin", "auditadmin")) {
            jdbc.sql("select username, display_name, role, division_code, unit_id from app_user where username = :u")
                    .param("u", username).query((rs, n) -> {
                        String where = rs.getString("division_code");
                        Long unitId = rs.getObject("unit_id", Long.class);
                        if (unitId != null) {
                            where = units.find(unitId).map(MemberUnitRef::name).orElse("");
                        } else if (where != null) {
                            where = divisions.find(where).map(d -> d.name() + " " + d.code()).orElse(where);
                        }
                        return new DemoAccount(rs.getString("username"), rs.getString("display_name"),
                                Role.valueOf(rs.getString("role")), where == null ? "" : where);
                    }).optional().ifPresent(list::add);
        }
        return list;
    }

    private Optional<MemberUnitRef> unit(String name, String countyPath) {
        return units.findByName(name, countyPath);
    }

    private int division(String username, String displayName, Role role, Optional<Division> where) {
        if (where.isEmpty()) {
            return 0;
        }
        return insert(username, displayName, role, where.get().code(), where.get().path(), null);
    }

    private int unit(String username, String displayName, Role role, Optional<MemberUnitRef> unit) {
        if (unit.isEmpty()) {
            log.warn("Demo accounts: no member unit found for {}; skipped", username);
            return 0;
        }
        return insert(username, displayName, role, null, null, unit.get().id());
    }

    private int plain(String username, String displayName, Role role) {
        return insert(username, displayName, role, null, null, null);
    }

    private int insert(String username, String displayName, Role role, String divisionCode, String divisionPath,
            Long unitId) {
        boolean exists = jdbc.sql("select count(*) from app_user where username = :u").param("u", username)
                .query(Long.class).single() > 0;
        if (exists) {
            return 0;
        }
        OffsetDateTime expires = role == Role.EVALUATOR
                ? OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(365)), ZoneOffset.UTC) : null;
        long id = jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, division_code, division_path,
                                      unit_id, must_change_password, expires_at, password_changed_at)
                values (:u, :d, :hash, :role, :dc, :dp, :unit, false, :exp, now()) returning id
                """).param("u", username).param("d", displayName).param("hash", encoder.encode(PASSWORD))
                .param("role", role.name()).param("dc", divisionCode).param("dp", divisionPath).param("unit", unitId)
                .param("exp", expires).query(Long.class).single();
        audit.record("CREATE", "app_user", id, null, java.util.Map.of("username", username, "role", role.name(),
                "demo", true));
        return 1;
    }
}
