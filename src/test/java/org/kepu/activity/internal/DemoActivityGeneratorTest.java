package org.kepu.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.activity.ActivityDictionary;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the demo generator inside a test transaction that is rolled back, so other tests never see its rows. */
@KepuIntegrationTest
@Transactional
class DemoActivityGeneratorTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DivisionService divisions;
    @Autowired
    MemberUnitService units;
    @Autowired
    ActivityDictionary dictionary;

    @Test
    void generatesAPlausibleYearWithPeaksInMayAndSeptember() {
        new TestFixtures(jdbc).ensure();
        var generator = new DemoActivityGenerator(jdbc, named, tx, divisions, units, dictionary);
        Division county = divisions.require(TestFixtures.COUNTY);
        List<Division> townships = divisions.inSubtree(county.path(), Division.TOWNSHIP);
        Map<String, List<Division>> villages = divisions.inSubtree(county.path(), Division.VILLAGE).stream()
                .collect(Collectors.groupingBy(Division::parentCode));
        long before = jdbc.sql("select coalesce(max(id), 0) from activity").query(Long.class).single();
        int n = generator.generate(county, townships, villages, units.activeUnitsFor(county.path()));
        assertThat(n).isBetween(1000, 1700);
        String mine = " from activity where id > :before";
        assertThat(jdbc.sql("select count(*)" + mine).param("before", before).query(Long.class).single())
                .isEqualTo(n);
        List<Integer> busiest = jdbc.sql("select extract(month from starts_at at time zone 'Asia/Shanghai')::int m"
                + mine + " group by m order by count(*) desc limit 2").param("before", before)
                .query(Integer.class).list();
        assertThat(busiest).containsExactlyInAnyOrder(5, 9);
        // nothing held, submitted or verified later than now (clock_timestamp: now() is the test transaction's start)
        assertThat(jdbc.sql("select count(*)" + mine + " and (starts_at > clock_timestamp()"
                + " or submitted_at > clock_timestamp() or verified_at > clock_timestamp())").param("before", before)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*)" + mine + " and status in ('SUBMITTED', 'VERIFIED', 'RETURNED')"
                + " and submitted_at is null").param("before", before).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*)" + mine + " and status = 'VERIFIED'").param("before", before)
                .query(Long.class).single()).isGreaterThan(n / 2);
        assertThat(jdbc.sql("select title" + mine + " and theme_code = 'SCI_TECH_WEEK' limit 1")
                .param("before", before).query(String.class).single()).matches("\\d{4}年科技活动周——.+");
        assertThat(jdbc.sql("select count(*)" + mine + " and cardinality(key_groups) = 0").param("before", before)
                .query(Long.class).single()).isZero();
    }
}
