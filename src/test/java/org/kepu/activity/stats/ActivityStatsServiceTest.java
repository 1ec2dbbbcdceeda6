package org.kepu.activity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class ActivityStatsServiceTest {

    static final int Y = StatsFixture.YEAR;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityStatsService service;

    StatsFixture fixture;

    @BeforeEach
    void load() {
        fixture = new StatsFixture(jdbc).load();
    }

    DashboardStats as(CurrentUser user, int year, String division) {
        var result = new AtomicReference<DashboardStats>();
        TestFixtures.runAs(user, () -> result.set(service.dashboard(year, division)));
        return result.get();
    }

    static StatRow row(List<StatRow> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void countyTotalsCountOnlySubmittedAndVerifiedActivitiesOfTheYearInBeijingTime() {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = as(office, Y, null);
        // activities 1, 2, 3, 4, 8 (5, 6 are draft/returned, 7 falls on Jan 1 2088 Beijing time)
        assertThat(s.totals().activities()).isEqualTo(5);
        assertThat(s.totals().participantsOnsite()).isEqualTo(100 + 30 + 40 + 200 + 7);
        assertThat(s.totals().participantsOnline()).isEqualTo(20 + 300);
        assertThat(s.totals().materials()).isEqualTo(50 + 10 + 100);
        assertThat(s.totals().volunteers()).isEqualTo(5 + 2 + 1 + 10);
        assertThat(s.areaCode()).isEqualTo(TestFixtures.COUNTY);
        assertThat(s.childLevel()).isEqualTo(4);
    }

    @Test
    void anActivityCountsOncePerKeyGroupItTargets() {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = as(office, Y, null);
        assertThat(row(s.byKeyGroup(), "YOUTH").activities()).isEqualTo(2);
        assertThat(row(s.byKeyGroup(), "YOUTH").participants()).isEqualTo(120 + 500);
        assertThat(row(s.byKeyGroup(), "FARMER").activities()).isEqualTo(2);
        assertThat(row(s.byKeyGroup(), "FARMER").participants()).isEqualTo(120 + 40);
        assertThat(row(s.byKeyGroup(), "ELDERLY").activities()).isEqualTo(1);
        assertThat(row(s.byKeyGroup(), "CADRE").activities()).isZero();
        assertThat(s.byKeyGroup()).hasSize(7);
        assertThat(row(s.byKeyGroup(), "YOUTH").label()).isEqualTo("青少年");
    }

    @Test
    void themesTownshipsAndMonths() {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = as(office, Y, null);
        assertThat(row(s.byTheme(), "SCI_TECH_WEEK").activities()).isEqualTo(3);
        assertThat(row(s.byTheme(), "SCI_TECH_WEEK").label()).isEqualTo("科技活动周");
        assertThat(row(s.byTheme(), "NATIONAL_SCIENCE_DAY").activities()).isEqualTo(1);
        assertThat(row(s.byTheme(), "OTHER").activities()).isEqualTo(1);
        assertThat(row(s.byTheme(), "FOOD_SAFETY_WEEK").activities()).isZero();
        assertThat(row(s.byFormat(), "LECTURE").activities()).isEqualTo(2);
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_A).activities()).isEqualTo(4);
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_A).participants()).isEqualTo(120 + 30 + 40 + 7);
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_B).activities()).isEqualTo(1);
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_B).label()).isEqualTo("晨光镇");
        assertThat(s.byMonth()).hasSize(12);
        assertThat(s.byMonth().stream().map(StatRow::activities).toList())
                .containsExactly(1L, 0L, 1L, 0L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 1L);
    }

    @Test
    void nextYearGetsTheJanuaryFirstActivity() {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = as(office, Y + 1, null);
        assertThat(s.totals().activities()).isEqualTo(1);
        assertThat(row(s.byMonth(), "1").activities()).isEqualTo(1);
        assertThat(row(s.byKeyGroup(), "CADRE").activities()).isEqualTo(1);
    }

    @Test
    void townshipAdminSeesOnlyHisTownshipByVillage() {
        var a = fixture.world().user("stats-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        DashboardStats s = as(a, Y, null);
        assertThat(s.totals().activities()).isEqualTo(4);
        assertThat(s.totals().participantsOnline()).isEqualTo(20);
        assertThat(s.childLevel()).isEqualTo(5);
        assertThat(row(s.byChild(), TestFixtures.VILLAGE_A1).activities()).isEqualTo(2);
        assertThat(row(s.byChild(), TestFixtures.VILLAGE_A2).activities()).isEqualTo(1);
        // activity 3 is held at the township itself
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_A).activities()).isEqualTo(1);
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_A).label()).isEqualTo("长宁镇本级");
        assertThat(s.byChild()).noneMatch(r -> r.key().startsWith(TestFixtures.TOWNSHIP_B));
        assertThat(row(s.byKeyGroup(), "YOUTH").activities()).isEqualTo(1);
    }

    @Test
    void townshipAdminCannotNarrowToAnotherTownship() {
        var a = fixture.world().user("stats-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        assertThatThrownBy(() -> as(a, Y, TestFixtures.TOWNSHIP_B)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(a, Y, TestFixtures.VILLAGE_B1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(a, Y, TestFixtures.COUNTY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(a, Y, "36%")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void countyAdminCanNarrowToATownship() {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = as(office, Y, TestFixtures.TOWNSHIP_B);
        assertThat(s.totals().activities()).isEqualTo(1);
        assertThat(s.totals().participants()).isEqualTo(500);
        assertThat(s.areaName()).isEqualTo("晨光镇");
        assertThat(s.trail()).extracting(DashboardStats.AreaLink::code)
                .containsExactly(TestFixtures.COUNTY, TestFixtures.TOWNSHIP_B);
    }

    @Test
    void unitLiaisonSeesOnlyItsUnitsActivities() {
        var kx = fixture.world().user("stats-liaison-kx", Role.UNIT_LIAISON, "县科协");
        DashboardStats s = as(kx, Y, null);
        // activities 1, 3, 8 are organised by 县科协
        assertThat(s.totals().activities()).isEqualTo(3);
        assertThat(s.totals().participantsOnsite()).isEqualTo(100 + 40 + 7);
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_B).activities()).isZero();
        var jy = fixture.world().user("stats-liaison-jy", Role.UNIT_LIAISON, "县教育局");
        assertThat(as(jy, Y, null).totals().activities()).isEqualTo(2);
        assertThat(as(jy, Y, TestFixtures.TOWNSHIP_A).totals().activities()).isEqualTo(1);
    }

    @Test
    void platformAdminsSeeNoData() {
        var sys = fixture.world().user("stats-sysadmin", Role.SYS_ADMIN, null);
        assertThatThrownBy(() -> as(sys, Y, null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void everyFigureLinksToTheFilteredList() {
        var office = fixture.world().user("stats-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        DashboardStats s = as(office, Y, null);
        String base = "/activities?year=2087&division=360734&status=COUNTED";
        assertThat(s.totals().link()).isEqualTo(base);
        assertThat(row(s.byKeyGroup(), "FARMER").link()).isEqualTo(base + "&keyGroup=FARMER");
        assertThat(row(s.byTheme(), "SCI_TECH_WEEK").link()).isEqualTo(base + "&theme=SCI_TECH_WEEK");
        assertThat(row(s.byFormat(), "LECTURE").link()).isEqualTo(base + "&format=LECTURE");
        assertThat(row(s.byMonth(), "12").link()).isEqualTo(base + "&month=12");
        assertThat(row(s.byChild(), TestFixtures.TOWNSHIP_B).link())
                .isEqualTo("/activities?year=2087&division=360734101&status=COUNTED");
        var kx = fixture.world().user("stats-liaison-kx", Role.UNIT_LIAISON, "县科协");
        assertThat(as(kx, Y, null).totals().link()).isEqualTo("/activities?year=2087&status=COUNTED");
    }
}
