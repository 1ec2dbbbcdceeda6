package org.kepu.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.stats.ActivitySummaryCheck;
import org.kepu.shared.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's "共 N 条" from activity_status_count (V604) equals count(*) over the ledger, for every filter the counts
 * can answer and every kind of scope, after inserts, updates, bulk writes and deletes, before and after the deltas
 * are folded in.
 */
@KepuIntegrationTest
class ActivityListCountTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivitySearch search;
    @Autowired
    ActivitySummaryCheck check;

    TestFixtures world;

    @BeforeEach
    void load() {
        world = new TestFixtures(jdbc).ensure();
        jdbc.sql("delete from activity where title like 'count-fixture-%'").update();
        // 2094: a year no other test uses; times at month edges in Beijing time
        insert("1", "2094-03-01T00:10+08:00", TestFixtures.VILLAGE_A1, "DRAFT");
        insert("2", "2094-03-31T23:50+08:00", TestFixtures.VILLAGE_A2, "SUBMITTED");
        insert("3", "2094-04-15T10:00+08:00", TestFixtures.TOWNSHIP_A, "VERIFIED");
        insert("4", "2094-05-20T10:00+08:00", TestFixtures.VILLAGE_B1, "RETURNED");
        insert("5", "2094-12-31T23:30+08:00", TestFixtures.COUNTY, "VERIFIED");
        insert("6", "2095-01-01T00:30+08:00", TestFixtures.VILLAGE_B2, "SUBMITTED");
        check.checkAndRepair();
    }

    /** Filters the status counts answer (the list's usual ones), as URL parameters. */
    static List<Map<String, String>> countableFilters() {
        List<Map<String, String>> filters = new ArrayList<>();
        filters.add(Map.of());
        filters.add(Map.of("year", "2094"));
        filters.add(Map.of("year", "2094", "month", "3"));
        filters.add(Map.of("year", "2094", "month", "12"));
        filters.add(Map.of("year", "2095"));
        filters.add(Map.of("from", "2094-03-01", "to", "2094-04-30"));
        filters.add(Map.of("year", "2094", "status", "DRAFT"));
        filters.add(Map.of("year", "2094", "status", "COUNTED"));
        filters.add(Map.of("status", "RETURNED"));
        filters.add(Map.of("year", "2094", "division", TestFixtures.TOWNSHIP_A));
        filters.add(Map.of("year", "2094", "division", TestFixtures.TOWNSHIP_B, "status", "RETURNED"));
        filters.add(Map.of("division", TestFixtures.COUNTY));
        filters.add(Map.of("division", TestFixtures.CITY, "status", "VERIFIED"));
        filters.add(Map.of("division", "999999")); // no such division
        // a village: the ledger within scopes that hold it, 0 without a query within scopes that do not
        filters.add(Map.of("year", "2094", "division", TestFixtures.VILLAGE_A1));
        return filters;
    }

    /** Filters that must be counted over the ledger. */
    static List<Map<String, String>> ledgerFilters() {
        return List.of(Map.of("from", "2094-03-02"), Map.of("from", "2094-01-01", "to", "2094-03-30"),
                Map.of("theme", "OTHER"), Map.of("format", "LECTURE"), Map.of("keyGroup", "YOUTH"),
                Map.of("q", "count-fixture"));
    }

    List<Scope> scopes() {
        return List.of(new Scope(null, null, false), Scope.division("36/3607"),
                Scope.division(TestFixtures.COUNTY_PATH), Scope.division(TestFixtures.TOWNSHIP_A_PATH),
                Scope.division(TestFixtures.TOWNSHIP_B_PATH), Scope.division(TestFixtures.VILLAGE_A1_PATH),
                Scope.unit(world.unitId("县科协"), TestFixtures.COUNTY_PATH), Scope.NONE);
    }

    static ActivityFilter filter(Map<String, String> params) {
        Map<String, String[]> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, new String[] {v}));
        return ActivityFilter.fromParams(p);
    }

    /**
     * After writes: the filters that bound the period (the fixture's rows are in 2094 and 2095), so that the ledger
     * side stays cheap however many records other test classes left in the shared database; every filter, unbounded
     * ones included, is compared in {@link #countsAnswerTheUsualFiltersForDivisionScopesAndEqualTheLedger}.
     */
    void assertCountsEqualLedger() {
        assertCountsEqualLedger(false);
    }

    /** One comparison: the filter in the scope, and the ledger's count for it. */
    record Case(Scope scope, Map<String, String> params, ActivityFilter filter, long ledger) {
    }

    void assertCountsEqualLedger(boolean unbounded) {
        // the ledger's counts once; the counts from the status rows before and after the deltas are folded in
        List<Case> cases = new ArrayList<>();
        for (Scope scope : scopes()) {
            for (Map<String, String> params : countableFilters()) {
                if (unbounded || params.containsKey("year") || params.containsKey("from")) {
                    ActivityFilter f = filter(params);
                    cases.add(new Case(scope, params, f, search.countFromLedger(f, scope, ZONE)));
                }
            }
            for (Map<String, String> params : ledgerFilters()) {
                if (unbounded || params.containsKey("from")) {
                    assertThat(search.countFromStatusCounts(filter(params), scope, ZONE)).as("%s", params).isNull();
                }
            }
        }
        assertCasesMatch(cases);
        check.fold();
        assertThat(jdbc.sql("select count(*) from activity_status_count_delta").query(Long.class).single()).isZero();
        assertCasesMatch(cases);
        assertThat(check.statusCountDifferences()).isEmpty();
    }

    void assertCasesMatch(List<Case> cases) {
        for (Case c : cases) {
            assertThat(search.count(c.filter(), c.scope(), ZONE)).as("%s in %s", c.params(), c.scope())
                    .isEqualTo(c.ledger());
        }
    }

    @Test
    void countsAnswerTheUsualFiltersForDivisionScopesAndEqualTheLedger() {
        Scope county = Scope.division(TestFixtures.COUNTY_PATH);
        for (Map<String, String> params : countableFilters()) {
            assertThat(search.countFromStatusCounts(filter(params), county, ZONE)).as("%s", params)
                    .matches(n -> params.containsValue(TestFixtures.VILLAGE_A1) ? n == null : n != null);
        }
        assertThat(search.countFromStatusCounts(filter(Map.of("division", TestFixtures.VILLAGE_A1)),
                Scope.division(TestFixtures.TOWNSHIP_B_PATH), ZONE)).isZero();
        // village and unit scopes count the ledger
        assertThat(search.countFromStatusCounts(filter(Map.of()), Scope.division(TestFixtures.VILLAGE_A1_PATH),
                ZONE)).isNull();
        assertThat(search.countFromStatusCounts(filter(Map.of()),
                Scope.unit(world.unitId("县科协"), TestFixtures.COUNTY_PATH), ZONE)).isNull();
        // figures by hand for the fixture's year
        assertThat(search.count(filter(Map.of("year", "2094")), county, ZONE)).isEqualTo(5);
        assertThat(search.count(filter(Map.of("year", "2094", "month", "3")), county, ZONE)).isEqualTo(2);
        assertThat(search.count(filter(Map.of("year", "2094", "status", "COUNTED")), county, ZONE)).isEqualTo(3);
        assertThat(search.count(filter(Map.of("year", "2094")), Scope.division(TestFixtures.TOWNSHIP_A_PATH), ZONE))
                .isEqualTo(3);
        assertThat(search.count(filter(Map.of("year", "2094", "division", TestFixtures.TOWNSHIP_B)),
                Scope.division(TestFixtures.TOWNSHIP_A_PATH), ZONE)).isZero();
        assertCountsEqualLedger(true);
    }

    @Test
    void countsFollowUpdatesOfStatusStartAndDivision() {
        jdbc.sql("update activity set status = 'SUBMITTED' where title = 'count-fixture-1'").update();
        jdbc.sql("""
                update activity set starts_at = starts_at + interval '1 month', ends_at = ends_at + interval '1 month'
                where title = 'count-fixture-2'""").update();
        jdbc.sql("update activity set division_code = :c, division_path = :p where title = 'count-fixture-4'")
                .param("c", TestFixtures.VILLAGE_A1).param("p", TestFixtures.VILLAGE_A1_PATH).update();
        jdbc.sql("update activity set status = 'VERIFIED', starts_at = starts_at - interval '1 day'"
                + " where title = 'count-fixture-6'").update();
        assertCountsEqualLedger();
        Scope county = Scope.division(TestFixtures.COUNTY_PATH);
        assertThat(search.count(filter(Map.of("year", "2094", "month", "4")), county, ZONE)).isEqualTo(2);
        assertThat(search.count(filter(Map.of("year", "2094", "status", "DRAFT")), county, ZONE)).isZero();
        assertThat(search.count(filter(Map.of("year", "2094")), Scope.division(TestFixtures.TOWNSHIP_B_PATH), ZONE))
                .isEqualTo(1); // fixture 6 moved back into 2094
    }

    @Test
    void countsFollowBulkInsertsAndDeletes() {
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, status)
                select 'count-fixture-bulk-' || g, 'OTHER', 'OTHER', '{}', t, t + interval '1 hour', d.code, d.path,
                       (array['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED'])[1 + g % 4]
                from generate_series(1, 400) g
                cross join lateral (select timestamptz '2094-01-01 00:00+08' + g * interval '20 hours' t) s
                join division d on d.code = (array[:a1, :a2, :b1, :ta])[1 + g % 4]
                """).param("a1", TestFixtures.VILLAGE_A1).param("a2", TestFixtures.VILLAGE_A2)
                .param("b1", TestFixtures.VILLAGE_B1).param("ta", TestFixtures.TOWNSHIP_A).update();
        assertCountsEqualLedger();
        jdbc.sql("delete from activity where title like 'count-fixture-bulk-%' and id % 3 = 0").update();
        jdbc.sql("update activity set status = 'VERIFIED' where title like 'count-fixture-bulk-%' and id % 5 = 0")
                .update();
        assertCountsEqualLedger();
        jdbc.sql("delete from activity where title like 'count-fixture-%'").update();
        assertCountsEqualLedger();
        assertThat(search.count(filter(Map.of("year", "2094")), Scope.division(TestFixtures.COUNTY_PATH), ZONE))
                .isZero();
    }

    @Test
    void editsThatMoveNoCountAppendNoDelta() {
        check.fold();
        jdbc.sql("update activity set title = title || '', participants_onsite = participants_onsite + 1"
                + " where title like 'count-fixture-%'").update();
        assertThat(jdbc.sql("select count(*) from activity_status_count_delta").query(Long.class).single()).isZero();
        // a move within the same month, division and status changes no count either
        jdbc.sql("update activity set starts_at = starts_at + interval '1 hour' where title = 'count-fixture-3'")
                .update();
        assertThat(jdbc.sql("select count(*) from activity_status_count_delta").query(Long.class).single()).isZero();
        jdbc.sql("update activity set status = 'VERIFIED' where title = 'count-fixture-4'").update();
        // -1 RETURNED and +1 VERIFIED, each at county and township level
        assertThat(jdbc.sql("select count(*) from activity_status_count_delta").query(Long.class).single())
                .isEqualTo(4);
        assertCountsEqualLedger();
    }

    @Test
    void checkReportsAndRepairsTamperedCounts() {
        jdbc.sql("""
                update activity_status_count set activities = activities + 7
                where area_level = 3 and area_path = :p and month = date '2094-03-01' and status = 'DRAFT'
                """).param("p", TestFixtures.COUNTY_PATH).update();
        Scope county = Scope.division(TestFixtures.COUNTY_PATH);
        assertThat(search.count(filter(Map.of("year", "2094")), county, ZONE)).isEqualTo(12);
        assertThat(check.statusCountDifferences()).singleElement()
                .satisfies(d -> assertThat(d.expected()).isEqualTo(1L))
                .satisfies(d -> assertThat(d.stored()).isEqualTo(8L));
        var found = check.checkAndRepair();
        assertThat(found).anySatisfy(d -> assertThat(d.dim()).isEqualTo("STATUS"));
        assertThat(check.statusCountDifferences()).isEmpty();
        assertThat(search.count(filter(Map.of("year", "2094")), county, ZONE)).isEqualTo(5);
    }

    private void insert(String n, String startsAt, String division, String status) {
        OffsetDateTime start = OffsetDateTime.parse(startsAt);
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, status)
                select :title, 'SCI_TECH_WEEK', 'LECTURE', '{YOUTH}', :start, :end, d.code, d.path, :status
                from division d where d.code = :division
                """).param("title", "count-fixture-" + n).param("start", start).param("end", start.plusHours(2))
                .param("division", division).param("status", status).update();
    }
}
