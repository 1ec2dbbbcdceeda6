package org.kepu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.audit.AuditLog;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.DivisionService;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo accounts runner (demo profile only, so built by hand here) scopes every account to real places and
 * gives each a password that works. Runs in a transaction that is rolled back, so the shared database keeps no
 * demo accounts.
 */
@KepuIntegrationTest
class DemoAccountsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DivisionService divisions;

    @Autowired
    MemberUnitService units;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Environment env;

    @Test
    void createsOneScopedAccountPerRoleWithTheKnownPassword() {
        var fixtures = new TestFixtures(jdbc).ensure();
        var demo = new DemoAccounts(jdbc, divisions, units, encoder, audit, clock);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            demo.run(null);
            demo.run(null); // idempotent
            var accounts = demo.existing();
            assertThat(accounts).extracting(DemoAccounts.DemoAccount::role).containsExactlyInAnyOrder(Role.values());
            String firstTownship = divisions.children(TestFixtures.COUNTY).get(0).code();
            String firstVillage = divisions.children(firstTownship).get(0).code();
            Map<String, Object> township = jdbc.sql("select division_code, division_path, must_change_password,"
                    + " password_hash from app_user where username = 'township'").query().singleRow();
            assertThat(township.get("division_code")).isEqualTo(firstTownship);
            assertThat(township.get("must_change_password")).isEqualTo(false);
            assertThat(encoder.matches(DemoAccounts.PASSWORD, (String) township.get("password_hash"))).isTrue();
            assertThat(jdbc.sql("select division_code from app_user where username = 'village'").query(String.class)
                    .single()).isEqualTo(firstVillage);
            assertThat(jdbc.sql("select division_code from app_user where username = 'office'").query(String.class)
                    .single()).isEqualTo(TestFixtures.COUNTY);
            assertThat(jdbc.sql("select unit_id from app_user where username = 'liaison'").query(Long.class)
                    .single()).isEqualTo(fixtures.unitId("县教育局"));
            assertThat(jdbc.sql("select expires_at is not null from app_user where username = 'evaluator'")
                    .query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("select count(*) from app_user where username in ('sysadmin', 'secadmin',"
                    + " 'auditadmin') and division_code is null and unit_id is null").query(Long.class).single())
                    .isEqualTo(3);
        });
        assertThat(env.acceptsProfiles(org.springframework.core.env.Profiles.of("demo"))).isFalse();
        assertThat(jdbc.sql("select count(*) from app_user where username = 'auditadmin'").query(Long.class).single())
                .isZero();
    }
}
