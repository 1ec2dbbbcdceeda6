package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.TargetComparator;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.Period;
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
 * Demo profile: targets of this year for 寻乌县 (360734), after the demo activities (order 400), so the indicator
 * list shows every status. Figures follow the county's implementation plan (seed 004: 农民教育培训 5000 人次以上,
 * 村（社区）科普活动覆盖率 60% 以上) where it has one. Only when the county has no target yet.
 */
@Component
@Profile("demo")
@Order(500)
class DemoTargets implements ApplicationRunner {

    static final String COUNTY = "360734";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTargets.class);

    private record Demo(String indicator, TargetComparator comparator, String value, int deadlineMonth,
            int deadlineDay, String note) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("activity_count", TargetComparator.AT_LEAST, "900", 12, 31, "年度工作要点：全年开展科普活动 900 场以上"),
            new Demo("farmer_training", TargetComparator.AT_LEAST, "5000", 12, 20, "实施方案：农民教育培训 5000 人次以上"),
            new Demo("village_coverage", TargetComparator.AT_LEAST, "60", 12, 31, "实施方案：村（社区）科普活动覆盖率达到 60% 以上"),
            new Demo("participant_count", TargetComparator.AT_LEAST, "200000", 12, 31, "年度工作要点：参与人次 20 万以上"),
            new Demo("sci_tech_week_count", TargetComparator.AT_LEAST, "60", 5, 31, "科技活动周工作方案：活动 60 场以上"),
            new Demo("activity_count_elderly", TargetComparator.AT_LEAST, "300", 12, 31, "老年人科学素质提升行动：300 场以上"));

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final IndicatorStore indicators;
    private final TargetStore targets;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoTargets(JdbcClient jdbc, DivisionService divisions, IndicatorStore indicators, TargetStore targets,
            TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.indicators = indicators;
        this.targets = targets;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Division county = divisions.find(COUNTY).orElse(null);
        if (county == null) {
            LOG.info("Demo targets: division {} not found, nothing created", COUNTY);
            return;
        }
        long existing = jdbc.sql("select count(*) from indicator_target where division_code = :c").param("c", COUNTY)
                .query(Long.class).single();
        if (existing > 0) {
            LOG.info("Demo targets: {} already has targets, nothing created", county.name());
            return;
        }
        int year = LocalDate.now(clock.withZone(Period.ZONE)).getYear();
        int n = tx.execute(s -> {
            int created = 0;
            for (Demo d : DEMOS) {
                Indicator i = indicators.byCode(d.indicator()).orElse(null);
                if (i != null) {
                    targets.insert(i.id(), county.code(), county.path(), LocalDate.of(year, 1, 1), BigDecimal.ZERO,
                            LocalDate.of(year, d.deadlineMonth(), d.deadlineDay()), d.comparator(),
                            new BigDecimal(d.value()), d.note(), null);
                    created++;
                }
            }
            return created;
        });
        LOG.info("Demo targets: created {} targets of {} for {}", n, year, county.name());
    }
}
