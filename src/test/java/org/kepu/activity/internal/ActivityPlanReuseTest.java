package org.kepu.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.activity.internal.ActivityListCountTest.filter;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.activity.ActivityFilter;
import org.kepu.shared.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list reuses PostgreSQL's plans only for a county's records in time order (ActivitySearch.reusePlansWhenStable),
 * only within the list's transaction, and the rows and totals are those of freshly planned queries.
 */
@KepuIntegrationTest
class ActivityPlanReuseTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Scope COUNTY = Scope.division(TestFixtures.COUNTY_PATH);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivitySearch search;
    @Autowired
    TransactionTemplate tx;

    TestFixtures world;

    @BeforeEach
    void load() {
        world = new TestFixtures(jdbc).ensure();
        jdbc.sql("delete from activity where title like 'plan-fixture-%'").update();
        // 2093: a year no other test uses; two records a month, in two townships
        String[] villages = {TestFixtures.VILLAGE_A1, TestFixtures.VILLAGE_B1};
        for (int month = 1; month <= 12; month++) {
            for (int i = 0; i < 2; i++) {
                OffsetDateTime start = OffsetDateTime.parse(String.format("2093-%02d-%02dT09:00+08:00", month, 10 + i));
                jdbc.sql("""
                        insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at,
                                division_code, division_path, status)
                        select :title, 'SCI_TECH_WEEK', 'LECTURE', '{YOUTH}', :start, :end, d.code, d.path, :status
                        from division d where d.code = :division
                        """).param("title", "plan-fixture-" + month + "-" + i).param("start", start)
                        .param("end", start.plusHours(2)).param("division", villages[i])
                        .param("status", i == 0 ? "VERIFIED" : "DRAFT").update();
            }
        }
    }

    @Test
    void onlyACountysRecordsInTimeOrderReusePlans() {
        Scope province = new Scope(null, null, false);
        assertThat(search.plansStable(filter(Map.of()), COUNTY)).isTrue();
        assertThat(search.plansStable(filter(Map.of("year", "2093", "month", "5", "status", "VERIFIED")), COUNTY))
                .isTrue();
        assertThat(search.plansStable(filter(Map.of("sort", "startsAt", "dir", "asc", "page", "3")), COUNTY)).isTrue();
        assertThat(search.plansStable(filter(Map.of("division", TestFixtures.COUNTY)), province)).isTrue();
        assertThat(search.plansStable(filter(Map.of("division", TestFixtures.COUNTY)), Scope.division("36/3607")))
                .isTrue();

        for (Map<String, String> other : List.of(Map.of("theme", "SCI_TECH_WEEK"), Map.of("format", "LECTURE"),
                Map.of("keyGroup", "YOUTH"), Map.of("q", "科普"), Map.of("unit", "1"), Map.of("sort", "title"),
                Map.of("sort", "participants"), Map.of("division", TestFixtures.TOWNSHIP_A),
                Map.of("division", "999999"))) {
            assertThat(search.plansStable(filter(other), COUNTY)).as("%s", other).isFalse();
        }
        assertThat(search.plansStable(filter(Map.of()), province)).isFalse();
        assertThat(search.plansStable(filter(Map.of()), Scope.division("36/3607"))).isFalse();
        assertThat(search.plansStable(filter(Map.of()), Scope.division(TestFixtures.TOWNSHIP_A_PATH))).isFalse();
        assertThat(search.plansStable(filter(Map.of()), Scope.unit(world.unitId("县科协"), TestFixtures.COUNTY_PATH)))
                .isFalse();
        assertThat(search.plansStable(filter(Map.of("division", TestFixtures.COUNTY)),
                Scope.unit(world.unitId("县科协"), TestFixtures.COUNTY_PATH))).isFalse();
        assertThat(search.plansStable(filter(Map.of()), Scope.NONE)).isFalse();
    }

    @Test
    void theSettingLastsForTheListsTransactionOnly() {
        assertThat(modeAfter(filter(Map.of("year", "2093")), COUNTY)).isEqualTo("auto");
        assertThat(modeAfter(filter(Map.of("year", "2093")), Scope.division(TestFixtures.TOWNSHIP_A_PATH)))
                .isEqualTo("force_custom_plan");
        assertThat(modeAfter(filter(Map.of("year", "2093", "theme", "OTHER")), COUNTY)).isEqualTo("force_custom_plan");
        // the pool's connections are back to custom plans for everything else
        for (int i = 0; i < 25; i++) {
            String mode = tx.execute(s -> planMode());
            assertThat(mode).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void theListLooksTheDivisionUpOnceAndAgreesWithItsParts() {
        for (Map<String, String> params : List.of(Map.of("year", "2093"), Map.of("year", "2093", "status", "VERIFIED"),
                Map.of("year", "2093", "division", TestFixtures.TOWNSHIP_B), Map.of("division", TestFixtures.COUNTY),
                Map.of("division", "999999"))) {
            ActivityFilter f = filter(params);
            String[] result = tx.execute(s -> {
                ActivitySearch.Listing listing = search.list(f, COUNTY, ZONE);
                String whole = listing.total() + " "
                        + String.join(",", listing.rows().stream().map(ActivityListRow::title).toList());
                return new String[] {whole, planMode(), listed(f)};
            });
            assertThat(result[0]).as("%s", params).isEqualTo(result[2]);
            assertThat(result[1]).as("%s", params).isEqualTo(search.plansStable(f, COUNTY) ? "auto" : "force_custom_plan");
        }
        String[] rows = tx.execute(s -> new String[] {
            String.join(",", search.listRows(filter(Map.of("year", "2093", "size", "3")), COUNTY, ZONE).stream()
                    .map(ActivityListRow::title).toList()), planMode()});
        assertThat(rows).containsExactly("plan-fixture-12-1,plan-fixture-12-0,plan-fixture-11-1", "auto");
    }

    /** The plan mode inside a transaction after the list's call for the filter in the scope. */
    private String modeAfter(ActivityFilter f, Scope scope) {
        return tx.execute(s -> {
            search.reusePlansWhenStable(f, scope);
            return planMode();
        });
    }

    @Test
    void reusedPlansReturnWhatFreshPlansReturn() {
        // expected: planned afresh for each filter (the pool's default)
        List<ActivityFilter> filters = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int month = 1; month <= 12; month++) {
                filters.add(filter(Map.of("year", "2093", "month", String.valueOf(month))));
            }
            filters.add(filter(Map.of("year", "2093", "status", "VERIFIED", "size", "5", "page", "2")));
            filters.add(filter(Map.of("year", "2093", "dir", "asc", "size", "7", "page", "3")));
            filters.add(filter(Map.of("from", "2093-03-11", "to", "2093-08-10", "status", "DRAFT")));
            // a status filter keeps the period bound (the first pages without one are read in index order with
            // the period written in, ActivitySearch.readsInIndexOrder), so these share one statement, which
            // PostgreSQL prepares and then plans once for all of them
            for (int month = 1; month <= 12; month++) {
                filters.add(filter(Map.of("year", "2093", "month", String.valueOf(month), "status", "VERIFIED")));
            }
        }
        List<String> expected = tx.execute(s -> filters.stream().map(this::listed).toList());
        // the same filters in one transaction whose plans are reused. The list leaves the choice to PostgreSQL
        // (auto: reused once a plan made without the values is estimated no dearer than fresh ones, which depends
        // on the table's statistics); the test forces reuse so that reused plans are certainly what it compares
        List<String> reused = tx.execute(s -> {
            search.reusePlansWhenStable(filters.get(0), COUNTY);
            assertThat(planMode()).isEqualTo("auto");
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            List<String> listed = filters.stream().map(this::listed).toList();
            // and PostgreSQL did reuse a plan for the page query (its prepared statements on this connection)
            long reusedPlans = jdbc.sql("select coalesce(sum(generic_plans), 0) from pg_prepared_statements"
                    + " where statement like '%activity_county_of%' and statement like '%limit%'")
                    .query(Long.class).single();
            assertThat(reusedPlans).isPositive();
            return listed;
        });
        assertThat(reused).isEqualTo(expected);
        assertThat(expected.get(4)).isEqualTo("2 plan-fixture-5-1,plan-fixture-5-0");
        assertThat(expected.get(12)).isEqualTo("12 plan-fixture-7-0,plan-fixture-6-0,plan-fixture-5-0,"
                + "plan-fixture-4-0,plan-fixture-3-0");
    }

    /** The filter's total and its page's titles within the county, as one line. */
    private String listed(ActivityFilter f) {
        return search.count(f, COUNTY, ZONE) + " "
                + String.join(",", search.listPage(f, COUNTY, ZONE).stream().map(ActivityListRow::title).toList());
    }

    private String planMode() {
        return jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single();
    }
}
