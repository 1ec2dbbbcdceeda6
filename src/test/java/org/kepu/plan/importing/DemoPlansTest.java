package org.kepu.plan.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.region.DivisionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo plan: seed 004 imported into 寻乌县, in force, once. */
@KepuIntegrationTest
class DemoPlansTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DivisionService divisions;
    @Autowired
    PlanImportService imports;
    @Autowired
    TransactionTemplate tx;

    @Test
    void importsSeed004OnceAndInForce() {
        new TestFixtures(jdbc).ensure();
        var demo = new DemoPlans(jdbc, divisions, imports, tx);
        long before = jdbc.sql("select count(*) from plan where division_code = '360734'").query(Long.class).single();
        demo.run(null);
        demo.run(null);
        long after = jdbc.sql("select count(*) from plan where division_code = '360734'").query(Long.class).single();
        assertThat(after).isEqualTo(before == 0 ? 1 : before);
        var row = jdbc.sql("select status, document_number, (select count(*) from plan_task t where t.plan_id = p.id)"
                + " as tasks from plan p where division_code = '360734' and document_number = '寻府办字〔2022〕5号'")
                .query().listOfRows();
        if (before == 0) {
            assertThat(row).hasSize(1);
            assertThat(row.get(0).get("status")).isEqualTo("IN_FORCE");
            assertThat(((Number) row.get(0).get("tasks")).intValue()).isEqualTo(74);
            // 县科协 is one of the fixtures' units, so its links are matched; names of absent units are kept.
            assertThat(jdbc.sql("select count(*) from plan_task_unit l join plan_task t on t.id = l.task_id"
                    + " join plan p on p.id = t.plan_id where p.division_code = '360734' and l.unit_id = :u")
                    .param("u", new TestFixtures(jdbc).unitId("县科协")).query(Long.class).single()).isEqualTo(31);
        }
    }
}
