package org.kepu.plan.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.kepu.plan.PlanStatus;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: 寻乌县's implementation plan of the science-literacy action 2021—2025 (seed 004), imported from its
 * text like a user would, in force, when the county has no plan yet. Runs after the member units (200) and their
 * aliases (210), so the names the plan writes differently (县科创中心, 县市场监管局 …) link to the demo units; the
 * names of bodies that are not member units stay as written. Seed 003 (忠县) belongs to another county and is not
 * loaded.
 */
@Component
@Profile("demo")
@Order(260)
class DemoPlans implements ApplicationRunner {

    static final String RESOURCE = "data/plans/xunwu-science-literacy-plan-2021-2025.txt";
    static final String COUNTY = "360734";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPlans.class);

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final PlanImportService imports;
    private final TransactionTemplate tx;

    DemoPlans(JdbcClient jdbc, DivisionService divisions, PlanImportService imports, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.imports = imports;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        Division county = divisions.find(COUNTY).orElse(null);
        if (county == null) {
            return;
        }
        long existing = jdbc.sql("select count(*) from plan where division_code = :c").param("c", COUNTY)
                .query(Long.class).single();
        if (existing > 0) {
            return;
        }
        String text = read();
        PlanImportService.Saved s = tx.execute(st -> imports.importAsSystem(county, text,
                "xunwu-science-literacy-plan-2021-2025.txt", PlanStatus.IN_FORCE));
        LOG.info("Demo plan: {} tasks, {} unit links ({} linked to member units), {} targets", s.tasks(), s.links(),
                s.linked(), s.targets());
    }

    static String read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
