package org.kepu.identity.internal;

import java.util.Map;
import org.kepu.audit.AuditLog;
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
 * Outside the demo profile: when there is no account at all, creates the system admin {@code admin} with a random
 * password, written once to the log, to be changed at the first sign-in. There is no default password.
 */
@Component
@Profile("!demo")
@Order(300)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    InitialAdmin(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("lock table app_user in share row exclusive mode").update();
        long accounts = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        if (accounts > 0) {
            return;
        }
        String password = RandomPasswords.generate("admin");
        long id = jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, must_change_password)
                values ('admin', '系统管理员', :hash, :role, true) returning id
                """).param("hash", encoder.encode(password)).param("role", Role.SYS_ADMIN.name())
                .query(Long.class).single();
        audit.record("CREATE", "app_user", id, null, Map.of("username", "admin", "role", Role.SYS_ADMIN.name()));
        log.warn("""

                  No accounts existed: created the system admin account.
                    user name: admin
                    password:  {}
                  This password is shown only once. Sign in and change it now.
                """, password);
    }
}
