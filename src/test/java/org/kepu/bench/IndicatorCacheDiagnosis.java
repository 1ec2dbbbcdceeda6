package org.kepu.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kepu.indicator.internal.CacheCheck;

/**
 * Not a test: prints the differences between the value cache and the ledger in the benchmark database
 * ({@code -Dkepu.bench.diagnose=true}; {@code -Dkepu.bench.repairCounties=true} first sums the county rows again).
 */
@EnabledIfSystemProperty(named = "kepu.bench.diagnose", matches = "true")
class IndicatorCacheDiagnosis {

    @Test
    void differences() {
        try (BenchServer server = BenchServer.start()) {
            server.app.getBean(org.kepu.indicator.internal.CacheMaintenance.class).pause(true);
            if (Boolean.getBoolean("kepu.bench.repairCounties")) {
                // county rows from their township rows (e.g. after an interrupted experiment)
                server.jdbc.sql("delete from indicator_value where level = 3").update();
                server.jdbc.sql("""
                        insert into indicator_value (element_id, level, period_start, period_end, area_path, value)
                        select element_id, 3, period_start, period_end, indicator_cut(area_path, 3), sum(value)
                        from indicator_value where level = 4 group by 1, 3, 4, 5 having sum(value) <> 0""").update();
            }
            var diffs = server.app.getBean(CacheCheck.class).differences();
            System.out.println("[diag] " + diffs.size() + " differences");
            diffs.stream().filter(d -> d.element().equals("activities")).limit(40)
                    .forEach(d -> System.out.println("[diag] " + d));
        }
    }
}
