package org.kepu.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.cockpit.internal.PlanExecution;
import org.kepu.plan.ProgressService;
import org.kepu.plan.Quarter;
import org.kepu.plan.UnitReporting;
import org.kepu.cockpit.internal.UnitRanking;
import org.kepu.indicator.DivisionRank;
import org.kepu.indicator.IndicatorRankings;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.StatusCounts;
import org.kepu.indicator.TargetStatus;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cockpit's figures on the fixture, computed by hand (see {@link CockpitFixture}). */
@KepuIntegrationTest
class CockpitFiguresTest {

    static final int Y = CockpitFixture.YEAR;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorRankings rankings;

    @Autowired
    IndicatorService indicators;

    @Autowired
    UnitRanking units;

    @Autowired
    PlanExecution plans;
    @Autowired
    ProgressService progress;

    @Autowired
    DivisionService divisions;

    CockpitFixture fixture;
    CurrentUser leader;
    long activityCount;

    @BeforeEach
    void setUp() {
        fixture = new CockpitFixture(jdbc).load();
        leader = fixture.user("cockpit-leader", Role.LEADER, CockpitFixture.COUNTY);
        activityCount = fixture.indicatorId("activity_count");
    }

    @AfterEach
    void tearDown() {
        fixture.clean();
    }

    static <T> T as(CurrentUser u, Supplier<T> body) {
        Object[] out = new Object[1];
        TestFixtures.runAs(u, () -> out[0] = body.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    List<String> names(List<DivisionRank> rows) {
        return rows.stream().map(r -> r.rank() + " " + r.divisionName()).toList();
    }

    @Test
    void townshipsRankedByValuePerCapitaAndCompletion() {
        List<DivisionRank> byValue = as(leader, () -> rankings.children(activityCount, CockpitFixture.COUNTY, Y,
                IndicatorRankings.Order.VALUE).rows());
        // 甲 3 and 丙 3 share the first place, 乙 1 is third
        assertThat(names(byValue)).containsExactly("1 甲镇", "1 丙镇", "3 乙镇");
        DivisionRank a = byValue.get(0);
        assertThat(a.value().text()).isEqualTo("3");
        assertThat(a.value().link()).contains("division=" + CockpitFixture.A).contains("year=2020");
        assertThat(a.population()).isEqualTo(40_000);
        assertThat(a.per10k()).isEqualByComparingTo("0.75");
        assertThat(a.target().target().id()).isEqualTo(fixture.targetA);
        assertThat(a.target().status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(a.completion()).isEqualByComparingTo("50.0");
        DivisionRank c = byValue.get(1);
        assertThat(c.per10k()).as("population unknown").isNull();
        assertThat(c.target()).isNull();
        assertThat(c.completion()).isNull();

        List<DivisionRank> perCapita = as(leader, () -> rankings.children(activityCount, CockpitFixture.COUNTY, Y,
                IndicatorRankings.Order.PER_10K).rows());
        // 甲 3 / 40,000 × 10,000 = 0.75; 乙 1 / 20,000 × 10,000 = 0.50; 丙 without population last
        assertThat(names(perCapita)).containsExactly("1 甲镇", "2 乙镇", "3 丙镇");
        assertThat(perCapita.get(1).per10k()).isEqualByComparingTo("0.50");

        List<DivisionRank> completion = as(leader, () -> rankings.children(activityCount, CockpitFixture.COUNTY, Y,
                IndicatorRankings.Order.COMPLETION).rows());
        assertThat(names(completion)).containsExactly("1 乙镇", "2 甲镇", "3 丙镇");
        assertThat(completion.get(0).completion()).isEqualByComparingTo("100.0");
        assertThat(completion.get(0).target().status()).isEqualTo(TargetStatus.ACHIEVED);
    }

    @Test
    void ratioIndicatorsHaveNoPerCapitaFigure() {
        long coverage = fixture.indicatorId("village_coverage");
        List<DivisionRank> rows = as(leader, () -> rankings.children(coverage, CockpitFixture.COUNTY, Y,
                IndicatorRankings.Order.VALUE).rows());
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.per10k()).isNull());
        // asked per 10,000 residents, a ratio indicator is ranked by its value instead
        assertThat(as(leader, () -> rankings.children(coverage, CockpitFixture.COUNTY, Y,
                IndicatorRankings.Order.PER_10K)).order()).isEqualTo(IndicatorRankings.Order.VALUE);
        // each township has one village and activities in it: 100 %
        assertThat(rows).allSatisfy(r -> assertThat(r.value().text()).isEqualTo("100.0"));
    }

    @Test
    void statusCountsOfTheCountyCards() {
        StatusCounts counts = StatusCounts.of(as(leader, () -> indicators.cards(CockpitFixture.COUNTY, Y)));
        // activity_count ≥ 5: 7 → achieved; participant_count ≥ 1000: 425 → behind
        assertThat(counts.withTarget()).isEqualTo(2);
        assertThat(counts.count(TargetStatus.ACHIEVED)).isEqualTo(1);
        assertThat(counts.count(TargetStatus.BEHIND)).isEqualTo(1);
        assertThat(counts.count(TargetStatus.ON_TRACK)).isZero();
        assertThat(counts.count(TargetStatus.AT_RISK)).isZero();
    }

    @Test
    void planExecutionCountsTasksByTheirWorstTarget() {
        Division county = divisions.require(CockpitFixture.COUNTY);
        PlanExecution.Overview o = as(leader, () -> plans.of(leader, county));
        assertThat(o.plans()).hasSize(1);
        PlanExecution.PlanRow p = o.plans().get(0);
        assertThat(p.plan().id()).isEqualTo(fixture.planId);
        assertThat(p.tasks()).isEqualTo(4);
        assertThat(p.tasksWithTargets()).isEqualTo(3);
        assertThat(p.count(TargetStatus.ACHIEVED)).isEqualTo(1);
        assertThat(p.count(TargetStatus.BEHIND)).isEqualTo(2);
        assertThat(p.tasksWithoutTargets()).isEqualTo(1);
        // the reporting column sums ProgressService.reporting for the quarter being reported now
        Quarter q = progress.reportingQuarter();
        List<UnitReporting> units = as(leader, () -> progress.reporting(leader, fixture.planId, q));
        assertThat(p.reporting().quarter()).isEqualTo(q);
        assertThat(p.reporting().units()).isEqualTo(units.size());
        assertThat(p.reporting().complete()).isEqualTo((int) units.stream().filter(UnitReporting::complete).count());
        assertThat(p.reporting().overdue()).isEqualTo((int) units.stream().filter(UnitReporting::overdue).count());
        long kx = fixture.unitId(CockpitFixture.KX);
        assertThat(o.leadTargets().get(kx)).containsExactlyInAnyOrder(TargetStatus.ACHIEVED, TargetStatus.BEHIND,
                TargetStatus.ACHIEVED);
    }

    @Test
    void unitsRankedByActivitiesParticipantsAndTargetsOnTrack() {
        Division county = divisions.require(CockpitFixture.COUNTY);
        var overview = as(leader, () -> plans.of(leader, county));
        List<UnitRanking.Row> byActivities = as(leader, () -> units.rank(leader, county, Y, overview.leadTargets(),
                UnitRanking.Order.ACTIVITIES));
        // 教育局 3 activities / 235 people, 科协 3 / 180 (the draft does not count), 卫健委 none
        assertThat(byActivities).extracting(r -> r.rank() + " " + r.name() + " " + r.activities() + " "
                + r.participants()).containsExactly("1 驾测县教育局 3 235", "2 驾测县科协 3 180", "3 驾测县卫健委 0 0");
        UnitRanking.Row kx = byActivities.get(1);
        assertThat(kx.link()).contains("unit=" + fixture.unitId(CockpitFixture.KX)).contains("status=COUNTED")
                .contains("year=2020").contains("division=" + CockpitFixture.COUNTY);
        // 科协 leads T1 (achieved) and T4 (甲 behind, 乙 achieved): 2 of 3; 教育局 leads T2 (behind): 0 of 1
        assertThat(kx.boundTargets()).isEqualTo(3);
        assertThat(kx.onTrack()).isEqualTo(2);
        assertThat(kx.onTrackShare()).isEqualByComparingTo("66.7");
        List<UnitRanking.Row> byShare = as(leader, () -> units.rank(leader, county, Y, overview.leadTargets(),
                UnitRanking.Order.ON_TRACK));
        assertThat(byShare).extracting(r -> r.rank() + " " + r.name() + " " + r.onTrackShare())
                .containsExactly("1 驾测县科协 66.7", "2 驾测县教育局 0.0", "3 驾测县卫健委 null");
    }

    @Test
    void aTownshipLeaderSeesItsOwnSubtreeOnly() {
        CurrentUser townshipLeader = fixture.user("cockpit-leader-a", Role.LEADER, CockpitFixture.A);
        Division a = divisions.require(CockpitFixture.A);
        // in 甲镇: 科协 2 activities (1, 2), 教育局 1 (3); 乙 and 丙 are not counted
        List<UnitRanking.Row> rows = as(townshipLeader, () -> units.rank(townshipLeader, a, Y, java.util.Map.of(),
                UnitRanking.Order.ACTIVITIES));
        assertThat(rows).extracting(r -> r.name() + " " + r.activities() + " " + r.participants())
                .containsExactly("驾测县科协 2 160", "驾测县教育局 1 30");
        Division b = divisions.require(CockpitFixture.B);
        assertThatThrownBy(() -> as(townshipLeader, () -> units.rank(townshipLeader, b, Y, java.util.Map.of(),
                UnitRanking.Order.ACTIVITIES))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(townshipLeader, () -> rankings.children(activityCount, CockpitFixture.B, Y,
                IndicatorRankings.Order.VALUE))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(townshipLeader, () -> rankings.children(activityCount, CockpitFixture.COUNTY, Y,
                IndicatorRankings.Order.VALUE))).isInstanceOf(NotFoundException.class);
        // the county's plan is not in the township's subtree
        assertThat(as(townshipLeader, () -> plans.of(townshipLeader, a)).plans()).isEmpty();
    }
}
