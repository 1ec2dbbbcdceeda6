package org.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.indicator.internal.CacheMaintenance;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Period;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indicator values against the figures of {@link IndicatorFixture} computed by hand: subtrees, periods and their
 * Asia/Shanghai boundaries, distinct counts, formulas with attributes, missing values, scopes. Every check runs
 * twice: with the cache not built (values computed from the ledger) and with the cache built.
 */
@KepuIntegrationTest
class IndicatorValuesTest {

    static final int Y = IndicatorFixture.YEAR;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorService indicators;

    @Autowired
    CacheMaintenance cache;

    IndicatorFixture fixture;
    CurrentUser office;

    @BeforeEach
    void load() {
        fixture = new IndicatorFixture(jdbc).load();
        office = fixture.user("ind-office", Role.OFFICE_ADMIN, IndicatorFixture.COUNTY);
    }

    static <T> T as(CurrentUser u, Supplier<T> body) {
        AtomicReference<T> r = new AtomicReference<>();
        TestFixtures.runAs(u, () -> r.set(body.get()));
        return r.get();
    }

    IndicatorValue value(CurrentUser u, String code, String division, Period p) {
        return as(u, () -> indicators.value(indicators.findByCode(code).orElseThrow().id(), division, p));
    }

    String text(String code, String division, Period p) {
        return value(office, code, division, p).text();
    }

    /** Runs the checks with the cache in both states: nothing cached (direct) and fully built. */
    void bothWays(Runnable checks) {
        jdbc.sql("update indicator_data_element set cache_state = 'BUILDING'").update();
        jdbc.sql("delete from indicator_value").update();
        checks.run();
        cache.runOnce();
        assertThat(jdbc.sql("select count(*) from indicator_data_element where cache_state <> 'READY'")
                .query(Long.class).single()).isZero();
        checks.run();
    }

    @Test
    void countyFiguresOfTheYear() {
        Period year = Period.year(Y);
        bothWays(() -> {
            String c = IndicatorFixture.COUNTY;
            assertThat(text("activity_count", c, year)).isEqualTo("8");
            assertThat(text("participant_count", c, year)).isEqualTo("2370");
            assertThat(text("activity_count_farmer", c, year)).isEqualTo("4");
            assertThat(text("activity_count_youth", c, year)).isEqualTo("2");
            assertThat(text("activity_count_cadre", c, year)).isEqualTo("1");
            assertThat(text("farmer_training", c, year)).isEqualTo("160");
            assertThat(text("villages_reached_count", c, year)).isEqualTo("4");
            assertThat(text("village_coverage", c, year)).isEqualTo("100.0");
            assertThat(text("activities_per_10k", c, year)).isEqualTo("0.80");
            assertThat(text("participation_rate", c, year)).isEqualTo("2.4");
            assertThat(text("verified_share", c, year)).isEqualTo("62.5");
            assertThat(text("material_count", c, year)).isEqualTo("510");
            assertThat(text("volunteer_count", c, year)).isEqualTo("45");
            assertThat(text("unit_participation", c, year)).isEqualTo("2");
            assertThat(text("sci_tech_week_count", c, year)).isEqualTo("3");
            assertThat(text("science_day_count", c, year)).isEqualTo("3");
        });
    }

    @Test
    void subtreesAddUpFromVillageToProvince() {
        Period year = Period.year(Y);
        bothWays(() -> {
            assertThat(text("activity_count", IndicatorFixture.A1, year)).isEqualTo("2");
            assertThat(text("participant_count", IndicatorFixture.A1, year)).isEqualTo("160");
            assertThat(text("activity_count", IndicatorFixture.A2, year)).isEqualTo("1");
            assertThat(text("activity_count", IndicatorFixture.A, year)).isEqualTo("4");
            assertThat(text("participant_count", IndicatorFixture.A, year)).isEqualTo("260");
            assertThat(text("activity_count", IndicatorFixture.B, year)).isEqualTo("3");
            assertThat(text("participant_count", IndicatorFixture.B, year)).isEqualTo("610");
            assertThat(text("activity_count", IndicatorFixture.COUNTY, year)).isEqualTo("8");
            CurrentUser province = fixture.user("ind-province", Role.LEADER, IndicatorFixture.PROVINCE);
            assertThat(value(province, "activity_count", IndicatorFixture.CITY, year).text()).isEqualTo("8");
            assertThat(value(province, "activity_count", null, year).text()).isEqualTo("8");
            assertThat(value(province, "participant_count", IndicatorFixture.PROVINCE, year).text())
                    .isEqualTo("2370");
            assertThat(text("villages_reached_count", IndicatorFixture.A, year)).isEqualTo("2");
            assertThat(text("villages_reached_count", IndicatorFixture.A1, year)).isEqualTo("1");
            assertThat(text("unit_participation", IndicatorFixture.A, year)).isEqualTo("2");
            assertThat(text("activities_per_10k", IndicatorFixture.A, year)).isEqualTo("1.00");
            assertThat(text("activities_per_10k", IndicatorFixture.B, year)).isEqualTo("1.50");
            assertThat(text("activities_per_10k", IndicatorFixture.A1, year)).isEqualTo("6.67");
            assertThat(text("village_coverage", IndicatorFixture.A1, year)).isEqualTo("100.0");
            assertThat(value(province, "village_coverage", null, year).text()).isEqualTo("100.0");
        });
    }

    @Test
    void periodsFollowAsiaShanghaiCalendar() {
        String c = IndicatorFixture.COUNTY;
        bothWays(() -> {
            // 2091-03-31 23:30 Beijing time (15:30 UTC) is March and Q1; 2091-04-01 00:30 (March 31 in UTC) is April
            assertThat(text("activity_count", c, Period.month(Y, 3))).isEqualTo("1");
            assertThat(text("activity_count", c, Period.month(Y, 4))).isEqualTo("1");
            assertThat(text("activity_count", c, Period.quarter(Y, 1))).isEqualTo("3");
            assertThat(text("activity_count", c, Period.quarter(Y, 2))).isEqualTo("2");
            assertThat(text("activity_count", c, Period.quarter(Y, 3))).isEqualTo("2");
            assertThat(text("activity_count", c, Period.quarter(Y, 4))).isEqualTo("1");
            assertThat(text("activity_count", c, Period.month(Y, 12))).isEqualTo("1");
            // 2092-01-01 00:30 Beijing time belongs to 2092; 2090-12-31 23:30 to 2090
            assertThat(text("activity_count", c, Period.year(Y + 1))).isEqualTo("1");
            assertThat(text("activity_count", c, Period.month(Y + 1, 1))).isEqualTo("1");
            assertThat(text("activity_count", c, Period.year(Y - 1))).isEqualTo("1");
            // custom ranges: ends inside months come from the ledger, whole months from the cache
            assertThat(text("activity_count", c, Period.parse("2091-03-15..2091-04-10"))).isEqualTo("2");
            assertThat(text("participant_count", c, Period.parse("2091-03-15..2091-04-10"))).isEqualTo("80");
            assertThat(text("activity_count", c, Period.parse("2091-01-15..2091-05-31"))).isEqualTo("5");
            assertThat(text("participant_count", c, Period.parse("2091-01-15..2091-05-31"))).isEqualTo("760");
            assertThat(text("activity_count", c, Period.parse("2091-01-16..2091-12-31"))).isEqualTo("7");
            assertThat(text("activity_count", c, Period.parse("2090-12-01..2092-01-31"))).isEqualTo("10");
            assertThat(text("villages_reached_count", c, Period.parse("2091-03-15..2091-04-10"))).isEqualTo("2");
            assertThat(text("activity_count", IndicatorFixture.A, Period.parse("2091-03-31..2091-03-31")))
                    .isEqualTo("1");
        });
    }

    @Test
    void distinctVillagesDoNotAddUpOverTimeButDoOverAreas() {
        String c = IndicatorFixture.COUNTY;
        bothWays(() -> {
            assertThat(text("villages_reached_count", c, Period.quarter(Y, 1))).isEqualTo("2");
            assertThat(text("villages_reached_count", c, Period.quarter(Y, 2))).isEqualTo("1");
            assertThat(text("villages_reached_count", c, Period.quarter(Y, 3))).isEqualTo("1");
            assertThat(text("villages_reached_count", c, Period.quarter(Y, 4))).isEqualTo("1");
            // B1 is reached in Q1 and Q3: the year counts it once (2 + 1 + 1 + 1 = 5 quarters, 4 in the year)
            assertThat(text("villages_reached_count", c, Period.year(Y))).isEqualTo("4");
            assertThat(text("villages_reached_count", IndicatorFixture.B, Period.year(Y))).isEqualTo("2");
            // units: 科协 and 教育局 both organise in Q1; in Q2 only 科协 (#4 has no unit)
            assertThat(text("unit_participation", c, Period.quarter(Y, 1))).isEqualTo("2");
            assertThat(text("unit_participation", c, Period.quarter(Y, 2))).isEqualTo("1");
        });
    }

    @Test
    void rankingOfTownshipsWithTheCountysOwnRecords() {
        bothWays(() -> {
            long id = indicators.findByCode("activity_count").orElseThrow().id();
            List<ChildValue> rows = as(office, () -> indicators.ranking(id, IndicatorFixture.COUNTY, Period.year(Y)));
            assertThat(rows).extracting(ChildValue::divisionName, r -> r.value().text(), ChildValue::ownLevel)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("甲镇", "4", false),
                            org.assertj.core.groups.Tuple.tuple("乙镇", "3", false),
                            org.assertj.core.groups.Tuple.tuple("指测县", "1", true));
            assertThat(rows.get(0).value().link()).isEqualTo(
                    "/activities?year=2091&division=850101100&status=COUNTED");
            long coverage = indicators.findByCode("village_coverage").orElseThrow().id();
            List<ChildValue> villages = as(office, () -> indicators.ranking(coverage, IndicatorFixture.A,
                    Period.year(Y)));
            assertThat(villages).extracting(r -> r.value().text()).containsExactly("100.0", "100.0");
        });
    }

    @Test
    void missingValuesCarryAReasonInsteadOfFailing() {
        bothWays(() -> {
            IndicatorValue b2 = value(office, "activities_per_10k", IndicatorFixture.B2, Period.year(Y));
            assertThat(b2.value()).isNull();
            assertThat(b2.text()).isEqualTo("—");
            assertThat(b2.reason()).isEqualTo("乙二村未填写常住人口");
            IndicatorValue share = value(office, "verified_share", IndicatorFixture.A, Period.month(Y, 8));
            assertThat(share.value()).isNull();
            assertThat(share.reason()).isEqualTo("分母 activities 为 0");
        });
    }

    @Test
    void drillDownLinksCarryTheElementsFiltersAndThePeriod() {
        String c = IndicatorFixture.COUNTY;
        assertThat(value(office, "activity_count_farmer", c, Period.year(Y)).link())
                .isEqualTo("/activities?year=2091&division=850101&keyGroup=FARMER&status=COUNTED");
        assertThat(value(office, "farmer_training", c, Period.month(Y, 3)).link())
                .isEqualTo("/activities?year=2091&month=3&division=850101&keyGroup=FARMER&format=TRAINING"
                        + "&status=COUNTED");
        assertThat(value(office, "verified_share", c, Period.quarter(Y, 2)).link())
                .isEqualTo("/activities?from=2091-04-01&to=2091-06-30&division=850101&status=VERIFIED");
    }

    @Test
    void unitCallersSeeTheirOwnUnitsRecordsOnly() {
        CurrentUser kx = fixture.unitUser("ind-liaison-kx", IndicatorFixture.UNIT_KX);
        // 科协 organised #1, #3, #6 and #8
        assertThat(value(kx, "activity_count", null, Period.year(Y)).text()).isEqualTo("4");
        assertThat(value(kx, "participant_count", null, Period.year(Y)).text()).isEqualTo("1740");
    }

    @Test
    void outOfScopeDivisionsAreNotFoundAndPlatformAdminsAreRefused() {
        CurrentUser a = fixture.user("ind-township-a", Role.TOWNSHIP_ADMIN, IndicatorFixture.A);
        assertThat(value(a, "activity_count", null, Period.year(Y)).text()).isEqualTo("4");
        assertThat(value(a, "activity_count", IndicatorFixture.A1, Period.year(Y)).text()).isEqualTo("2");
        for (String other : new String[] {IndicatorFixture.B, IndicatorFixture.B1, IndicatorFixture.COUNTY,
            "999999999999", "../85"}) {
            assertThatThrownBy(() -> value(a, "activity_count", other, Period.year(Y)))
                    .isInstanceOf(NotFoundException.class);
        }
        long id = indicators.findByCode("activity_count").orElseThrow().id();
        assertThatThrownBy(() -> as(a, () -> indicators.ranking(id, IndicatorFixture.B, Period.year(Y))))
                .isInstanceOf(NotFoundException.class);
        CurrentUser sys = new org.kepu.TestFixtures(jdbc).user("ind-sys", Role.SYS_ADMIN, null);
        assertThatThrownBy(() -> value(sys, "activity_count", IndicatorFixture.COUNTY, Period.year(Y)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void cacheRowsHoldCountyAndTownshipSums() {
        bothWays(() -> {
        });
        long id = jdbc.sql("select id from indicator_data_element where code = 'activities'").query(Long.class)
                .single();
        assertThat(row(id, 3, IndicatorFixture.COUNTY_PATH, Period.year(Y))).isEqualByComparingTo("8");
        assertThat(row(id, 4, IndicatorFixture.A_PATH, Period.year(Y))).isEqualByComparingTo("4");
        assertThat(row(id, 4, IndicatorFixture.COUNTY_PATH, Period.year(Y))).isEqualByComparingTo("1");
        assertThat(row(id, 4, IndicatorFixture.A_PATH, Period.quarter(Y, 1))).isEqualByComparingTo("2");
        assertThat(row(id, 4, IndicatorFixture.A_PATH, Period.month(Y, 3))).isEqualByComparingTo("1");
        long villages = jdbc.sql("select id from indicator_data_element where code = 'villages_reached'")
                .query(Long.class).single();
        assertThat(row(villages, 3, IndicatorFixture.COUNTY_PATH, Period.year(Y))).isEqualByComparingTo("4");
        assertThat(row(villages, 3, IndicatorFixture.COUNTY_PATH, Period.quarter(Y, 1))).isEqualByComparingTo("2");
    }

    BigDecimal row(long element, int level, String area, Period p) {
        return jdbc.sql("""
                select value from indicator_value where element_id = :e and level = :l and area_path = :a
                  and period_start = :s and period_end = :x""").param("e", element).param("l", level)
                .param("a", area).param("s", p.start()).param("x", p.end()).query(BigDecimal.class).optional()
                .orElse(BigDecimal.ZERO);
    }
}
