package org.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Period;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Targets: scope-checked reads and writes, audit, versions, and their status at fixed dates on the fixture. */
@KepuIntegrationTest
class TargetServiceTest {

    static final int Y = IndicatorFixture.YEAR;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TargetService targets;

    @Autowired
    IndicatorService indicators;

    IndicatorFixture fixture;
    CurrentUser office;
    long activityCount;

    @BeforeEach
    void setUp() {
        fixture = new IndicatorFixture(jdbc).load();
        office = fixture.user("ind-office", Role.OFFICE_ADMIN, IndicatorFixture.COUNTY);
        jdbc.sql("delete from indicator_target where division_path like '85/%'").update();
        activityCount = indicators.findByCode("activity_count").orElseThrow().id();
    }

    Target create(CurrentUser u, String division, String value, LocalDate start) {
        return IndicatorValuesTest.as(u, () -> targets.create(new TargetInput(activityCount, division, start, null,
                LocalDate.of(Y, 12, 31), TargetComparator.AT_LEAST, new BigDecimal(value), "测试来源")));
    }

    @Test
    void statusAtFixedDates() {
        Target t = create(office, IndicatorFixture.COUNTY, "10", LocalDate.of(Y, 1, 1));
        // 8 activities counted in 2091
        TargetProgress mid = IndicatorValuesTest.as(office, () -> targets.progress(t.id(), LocalDate.of(Y, 7, 2)));
        assertThat(mid.value().text()).isEqualTo("8");
        assertThat(mid.expected()).isEqualByComparingTo("5");
        assertThat(mid.status()).isEqualTo(TargetStatus.ON_TRACK);
        TargetProgress end = IndicatorValuesTest.as(office, () -> targets.progress(t.id(), LocalDate.of(Y, 12, 31)));
        assertThat(end.expected()).isEqualByComparingTo("10");
        assertThat(end.status()).isEqualTo(TargetStatus.AT_RISK);
        TargetProgress after = IndicatorValuesTest.as(office, () -> targets.progress(t.id(),
                LocalDate.of(Y + 1, 1, 5)));
        assertThat(after.status()).isEqualTo(TargetStatus.BEHIND);
        Target low = create(office, IndicatorFixture.A, "4", LocalDate.of(Y, 1, 1));
        assertThat(IndicatorValuesTest.as(office, () -> targets.progress(low.id(), LocalDate.of(Y, 3, 1))).status())
                .isEqualTo(TargetStatus.ACHIEVED);
        Target high = create(office, IndicatorFixture.B, "30", LocalDate.of(Y, 1, 1));
        // B: 3 by the end of the year, 30 expected: behind
        assertThat(IndicatorValuesTest.as(office, () -> targets.progress(high.id(), LocalDate.of(Y, 12, 31)))
                .status()).isEqualTo(TargetStatus.BEHIND);
        // the year's card shows the county target with its status today (before its start: nothing expected yet)
        IndicatorCard card = IndicatorValuesTest.as(office, () -> indicators.card(activityCount, null, Y));
        assertThat(card.value().text()).isEqualTo("8");
        assertThat(card.target().target().id()).isEqualTo(t.id());
        assertThat(card.target().status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(card.trend()).hasSize(12);
        assertThat(card.trend().get(2).value()).isEqualByComparingTo("1");
        assertThat(card.trend().get(2).link()).isEqualTo("/activities?year=2091&month=3&division=850101&status=COUNTED");
    }

    @Test
    void defaultsStartOnJanuaryFirstWithBaselineZero() {
        Target t = IndicatorValuesTest.as(office, () -> targets.create(activityCount, IndicatorFixture.COUNTY,
                LocalDate.of(2099, 6, 30), TargetComparator.AT_LEAST, new BigDecimal("100"), null));
        int thisYear = IndicatorValuesTest.as(office, () -> targets.today()).getYear();
        assertThat(t.startDate()).isEqualTo(LocalDate.of(thisYear, 1, 1));
        assertThat(t.baseline()).isEqualByComparingTo("0");
        Target past = IndicatorValuesTest.as(office, () -> targets.create(activityCount, IndicatorFixture.COUNTY,
                LocalDate.of(2020, 12, 20), TargetComparator.AT_LEAST, new BigDecimal("100"), null));
        assertThat(past.startDate()).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void writesNeedAnOfficeAdminOverTheDivisionAndReadsStayInScope() {
        Target county = create(office, IndicatorFixture.COUNTY, "10", null);
        Target a = create(office, IndicatorFixture.A, "5", null);
        CurrentUser townshipA = fixture.user("ind-township-a", Role.TOWNSHIP_ADMIN, IndicatorFixture.A);
        CurrentUser townshipB = fixture.user("ind-township-b", Role.TOWNSHIP_ADMIN, IndicatorFixture.B);
        CurrentUser otherCounty = new TestFixtures(jdbc).ensure().user("ind-office-xunwu", Role.OFFICE_ADMIN,
                TestFixtures.COUNTY);
        assertThatThrownBy(() -> create(townshipA, IndicatorFixture.A, "5", null)).isInstanceOf(
                ForbiddenException.class);
        assertThatThrownBy(() -> create(otherCounty, IndicatorFixture.COUNTY, "5", null)).isInstanceOf(
                ForbiddenException.class);
        assertThat(IndicatorValuesTest.as(townshipA, () -> targets.get(a.id())).divisionName()).isEqualTo("甲镇");
        assertThat(IndicatorValuesTest.as(townshipA, () -> targets.list(null, null))).extracting(Target::id)
                .containsExactly(a.id());
        for (CurrentUser u : List.of(townshipB, otherCounty)) {
            assertThatThrownBy(() -> IndicatorValuesTest.as(u, () -> targets.get(a.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> IndicatorValuesTest.as(u, () -> {
                targets.delete(a.id(), a.version());
                return null;
            })).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> IndicatorValuesTest.as(townshipA, () -> targets.get(county.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> IndicatorValuesTest.as(townshipA, () -> {
            targets.delete(a.id(), a.version());
            return null;
        })).isInstanceOf(ForbiddenException.class);
        CurrentUser liaison = fixture.unitUser("ind-liaison-kx", IndicatorFixture.UNIT_KX);
        assertThat(IndicatorValuesTest.as(liaison, () -> targets.list(null, null))).isEmpty();
        assertThat(IndicatorValuesTest.as(office, () -> targets.list(activityCount, IndicatorFixture.A)))
                .extracting(Target::id).containsExactly(a.id());
    }

    @Test
    void updatesAreVersionedAndEverythingIsAudited() {
        Target t = create(office, IndicatorFixture.COUNTY, "10", LocalDate.of(Y, 1, 1));
        TargetInput change = new TargetInput(activityCount, IndicatorFixture.COUNTY, LocalDate.of(Y, 1, 1),
                new BigDecimal("2"), LocalDate.of(Y, 12, 31), TargetComparator.AT_LEAST, new BigDecimal("12"), "改");
        Target after = IndicatorValuesTest.as(office, () -> targets.update(t.id(), t.version(), change));
        assertThat(after.targetValue()).isEqualByComparingTo("12");
        assertThat(after.baseline()).isEqualByComparingTo("2");
        assertThatThrownBy(() -> IndicatorValuesTest.as(office, () -> targets.update(t.id(), t.version(), change)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> IndicatorValuesTest.as(office, () -> targets.update(t.id(), after.version(),
                new TargetInput(activityCount, IndicatorFixture.COUNTY, LocalDate.of(Y + 1, 1, 1), null,
                        LocalDate.of(Y, 12, 31), TargetComparator.AT_LEAST, BigDecimal.ONE, null))))
                .isInstanceOf(BadRequestException.class).hasMessage("indicator.target.error.startAfterDeadline");
        IndicatorValuesTest.as(office, () -> {
            targets.delete(t.id(), after.version());
            return null;
        });
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from audit_log"
                + " where entity_type = 'indicator_target' and entity_id = :id").param("id", Long.toString(t.id()))
                .query(String.class).single()).isEqualTo("CREATE,UPDATE,DELETE");
        assertThat(IndicatorValuesTest.as(office, () -> targets.list(null, null))).isEmpty();
        assertThatThrownBy(() -> Period.range(LocalDate.of(Y, 2, 1), LocalDate.of(Y, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
