package org.kepu.identity.internal;

import org.kepu.shared.web.PageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Demo profile only: after all demo data is loaded, prints where the platform runs and how to sign in. */
@Component
@Profile("demo")
@Order(1000)
class DemoBanner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final DemoAccounts accounts;
    private final Environment env;
    private final MessageSource messages;

    DemoBanner(DemoAccounts accounts, Environment env, MessageSource messages) {
        this.accounts = accounts;
        this.env = env;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder b = new StringBuilder();
        b.append("\n\n  科普工作平台 (Kepu) is running: http://localhost:").append(port).append("/\n");
        b.append("  Demo accounts (profile demo only), password for all: ").append(DemoAccounts.PASSWORD).append("\n\n");
        b.append(String.format("  %-12s %-18s %s%n", "username", "role", "scope / 角色"));
        for (var a : accounts.existing()) {
            String role = messages.getMessage("role." + a.role().name(), null, a.role().name(), PageContext.LOCALE);
            b.append(String.format("  %-12s %-18s %s · %s%n", a.username(), a.role().name(),
                    a.where().isEmpty() ? "-" : a.where(), role));
        }
        log.info(b.toString());
    }
}
