package org.kepu.organization.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.kepu.organization.UnitNames;
import org.kepu.region.DivisionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: the other names seed 004 (寻乌县's implementation plan) uses for units of the demo list, so that its
 * import links them. Names of bodies that are not member units (县社联, 县住建局, 县乡村振兴局 …) are left to the
 * import preview. Runs after the member units (200); adds only aliases that are missing.
 */
@Component
@Profile("demo")
@Order(210)
class DemoUnitAliases implements ApplicationRunner {

    /** Unit name → its aliases in seed 004. 寻乌县's 教科体局 is the bureau of education, science and sports. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "县科技创新中心", List.of("县科创中心"),
            "县市场监督管理局", List.of("县市场监管局", "县市场质量监管局"),
            "县教科体局", List.of("县体育局"));

    private static final Logger LOG = LoggerFactory.getLogger(DemoUnitAliases.class);

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final AliasCommands aliases;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    DemoUnitAliases(JdbcClient jdbc, DivisionService divisions, AliasCommands aliases, TransactionTemplate tx,
            ObjectMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.aliases = aliases;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        String county = DemoMemberUnits.read(json).divisionCode();
        if (divisions.find(county).isEmpty()) {
            return;
        }
        int[] added = {0};
        tx.executeWithoutResult(s -> ALIASES.forEach((name, list) -> {
            Long unitId = jdbc.sql("select id from member_unit where division_code = :c and name = :n")
                    .param("c", county).param("n", name).query(Long.class).optional().orElse(null);
            if (unitId == null) {
                return;
            }
            for (String alias : list) {
                boolean exists = jdbc.sql("""
                        select count(*) from member_unit_alias where division_code = :c and alias_key = :k
                        """).param("c", county).param("k", UnitNames.key(alias)).query(Long.class).single() > 0;
                if (!exists) {
                    aliases.add(unitId, alias);
                    added[0]++;
                }
            }
        }));
        if (added[0] > 0) {
            LOG.info("Demo unit aliases: {} added", added[0]);
        }
    }
}
