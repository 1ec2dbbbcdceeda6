package org.kepu.activity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The summary rows kept by the V600 triggers equal the aggregates over the ledger after every kind of write. */
@KepuIntegrationTest
class ActivityMonthSummaryTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityStatsService service;

    @Autowired
    ActivitySummaryCheck check;

    StatsFixture fixture;

    @BeforeEach
    void load() {
        fixture = new StatsFixture(jdbc).load();
        // start from a summary that matches the shared database, whatever other test classes did before
        check.checkAndRepair();
    }

    @AfterEach
    void summaryOn() {
        service.useSummary(true);
    }

    DashboardStats dashboard(CurrentUser user, boolean summary, String division) {
        service.useSummary(summary);
        var result = new AtomicReference<DashboardStats>();
        TestFixtures.runAs(user, () -> result.set(service.dashboard(StatsFixture.YEAR, division)));
        return result.get();
    }

    void assertSummaryEqualsRaw() {
        assertSummaryEqualsRawNow();
        // the same after the writers' deltas are folded into the summary rows
        check.fold();
        assertThat(jdbc.sql("select count(*) from activity_month_summary_delta").query(Long.class).single()).isZero();
        assertSummaryEqualsRawNow();
    }

    void assertSummaryEqualsRawNow() {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        var city = fixture.world().user("stats-city", Role.LEADER, TestFixtures.CITY);
        var province = fixture.world().user("stats-province", Role.LEADER, TestFixtures.PROVINCE);
        for (CurrentUser u : new CurrentUser[] {office, city, province}) {
            assertThat(dashboard(u, true, null)).usingRecursiveComparison().isEqualTo(dashboard(u, false, null));
        }
        assertThat(dashboard(province, true, TestFixtures.COUNTY)).usingRecursiveComparison()
                .isEqualTo(dashboard(province, false, TestFixtures.COUNTY));
        assertThat(check.differences()).isEmpty();
    }

    @Test
    void summaryEqualsRawAggregatesAfterInserts() {
        assertSummaryEqualsRaw();
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = dashboard(office, true, null);
        assertThat(s.totals().activities()).isEqualTo(5);
        assertThat(ActivityStatsServiceTest.row(s.byChild(), TestFixtures.TOWNSHIP_A).activities()).isEqualTo(4);
        assertThat(ActivityStatsServiceTest.row(s.byKeyGroup(), "YOUTH").activities()).isEqualTo(2);
        var province = fixture.world().user("stats-province", Role.LEADER, TestFixtures.PROVINCE);
        DashboardStats p = dashboard(province, true, null);
        assertThat(ActivityStatsServiceTest.row(p.byChild(), TestFixtures.CITY).activities())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void summaryFollowsUpdatesOfStatusDateDivisionKeyGroupsAndFigures() {
        jdbc.sql("update activity set status = 'RETURNED' where title = 'stats-fixture-1'").update();
        jdbc.sql("update activity set status = 'SUBMITTED' where title = 'stats-fixture-5'").update();
        jdbc.sql("""
                update activity set starts_at = starts_at + interval '3 months', ends_at = ends_at + interval '3 months'
                where title = 'stats-fixture-2'""").update();
        jdbc.sql("""
                update activity set division_code = :c, division_path = :p where title = 'stats-fixture-4'
                """).param("c", TestFixtures.VILLAGE_A1).param("p", TestFixtures.VILLAGE_A1_PATH).update();
        jdbc.sql("""
                update activity set key_groups = '{WORKER,CADRE,ELDERLY}', participants_online = 77, theme_code = 'OTHER'
                where title = 'stats-fixture-3'""").update();
        jdbc.sql("update activity set volunteers_count = volunteers_count + 1 where title like 'stats-fixture-%'")
                .update();
        assertSummaryEqualsRaw();
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = dashboard(office, true, null);
        // counted now: 2, 3, 4, 5, 8
        assertThat(s.totals().activities()).isEqualTo(5);
        assertThat(ActivityStatsServiceTest.row(s.byChild(), TestFixtures.TOWNSHIP_B).activities()).isZero();
        assertThat(ActivityStatsServiceTest.row(s.byMonth(), "12").activities()).isEqualTo(2);
        assertThat(ActivityStatsServiceTest.row(s.byKeyGroup(), "CADRE").activities()).isEqualTo(1);
    }

    @Test
    void writersOnlyAppendDeltasAndUnchangedUpdatesAppendNothing() {
        check.fold();
        jdbc.sql("update activity set title = title where title like 'stats-fixture-%'").update();
        jdbc.sql("update activity set media_coverage = 'x' where title = 'stats-fixture-1'").update();
        assertThat(jdbc.sql("select count(*) from activity_month_summary_delta").query(Long.class).single()).isZero();
        jdbc.sql("update activity set participants_onsite = 101 where title = 'stats-fixture-1'").update();
        jdbc.sql("update activity set participants_onsite = 1 where title = 'stats-fixture-5'").update();
        // counted row changed: -1 and +1; draft changed: nothing
        assertThat(jdbc.sql("select count(*) from activity_month_summary_delta").query(Long.class).single())
                .isEqualTo(2);
        assertSummaryEqualsRaw();
    }

    @Test
    void summaryFollowsDeletes() {
        jdbc.sql("delete from activity where title in ('stats-fixture-1', 'stats-fixture-6', 'stats-fixture-8')")
                .update();
        assertSummaryEqualsRaw();
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        assertThat(dashboard(office, true, null).totals().activities()).isEqualTo(3);
    }

    @Test
    void checkReportsAndRepairsATamperedSummary() {
        jdbc.sql("""
                update activity_month_summary set activities = activities + 5
                where area_level = 3 and area_path = :p and dim = 'TOTAL' and month = date '2087-03-01'
                """).param("p", TestFixtures.COUNTY_PATH).update();
        assertThat(check.differences()).hasSize(1);
        var found = check.checkAndRepair();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).dim()).isEqualTo("TOTAL");
        assertThat(found.get(0).stored() - found.get(0).expected()).isEqualTo(5);
        assertThat(check.differences()).isEmpty();
        assertThat(check.checkAndRepair()).isEmpty();
    }
}
