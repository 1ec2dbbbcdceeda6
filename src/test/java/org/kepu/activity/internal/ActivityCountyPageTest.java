package org.kepu.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.activity.internal.ActivityListCountTest.filter;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.activity.ActivityFilter;
import org.kepu.shared.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county's list in time order: its first pages are read with their rows straight from the county index
 * (ActivitySearch.readsInIndexOrder), later pages and status filters choose their ids first, and a county's scope or
 * a county chosen in the filter is written as "the record's county" instead of the subtree range. Every page must
 * hold exactly the county's records of the period in order, and nothing of the city above it.
 */
@KepuIntegrationTest
class ActivityCountyPageTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivitySearch search;

    record Fixture(long id, String title, OffsetDateTime startsAt, String path, String status) {
    }

    @BeforeEach
    void load() {
        new TestFixtures(jdbc).ensure();
        jdbc.sql("delete from activity where title like 'county-page-%'").update();
        // 2085: a year no other test uses. Fourteen records in the county (villages, a township, the county itself),
        // three at the city above it; some share a start time, so that ties are broken by id
        String[] places = {TestFixtures.VILLAGE_A1, TestFixtures.VILLAGE_B2, TestFixtures.TOWNSHIP_B,
            TestFixtures.COUNTY};
        String[] statuses = {"DRAFT", "SUBMITTED", "VERIFIED", "RETURNED", "VERIFIED"};
        for (int i = 0; i < 17; i++) {
            String place = i < 14 ? places[i % 4] : TestFixtures.CITY;
            OffsetDateTime start = OffsetDateTime.parse(String.format("2085-%02d-%02dT09:00+08:00", 1 + i % 5,
                    10 + i % 3));
            jdbc.sql("""
                    insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at,
                            division_code, division_path, status, participants_onsite)
                    select :title, 'SCI_TECH_WEEK', 'LECTURE', '{YOUTH}', :start, :end, d.code, d.path, :status, 10
                    from division d where d.code = :division
                    """).param("title", "county-page-" + i).param("start", start).param("end", start.plusHours(2))
                    .param("division", place).param("status", statuses[i % 5]).update();
        }
    }

    @Test
    void onlyTheFirstPagesOfACountysUnfilteredTimeOrderReadInIndexOrder() {
        Scope county = Scope.division(TestFixtures.COUNTY_PATH);
        Scope province = Scope.division(TestFixtures.PROVINCE);
        assertThat(search.readsInIndexOrder(filter(Map.of("year", "2085")), county)).isTrue();
        assertThat(search.readsInIndexOrder(filter(Map.of("year", "2085", "dir", "asc", "page", "5")), county))
                .isTrue();
        assertThat(search.readsInIndexOrder(filter(Map.of("division", TestFixtures.COUNTY)), province)).isTrue();
        assertThat(search.readsInIndexOrder(filter(Map.of("division", TestFixtures.COUNTY)), county)).isTrue();

        assertThat(search.readsInIndexOrder(filter(Map.of("year", "2085", "page", "6")), county)).isFalse();
        assertThat(search.readsInIndexOrder(filter(Map.of("status", "DRAFT")), county)).isFalse();
        assertThat(search.readsInIndexOrder(filter(Map.of("status", "COUNTED")), county)).isFalse();
        assertThat(search.readsInIndexOrder(filter(Map.of("sort", "title")), county)).isFalse();
        assertThat(search.readsInIndexOrder(filter(Map.of("theme", "SCI_TECH_WEEK")), county)).isFalse();
        assertThat(search.readsInIndexOrder(filter(Map.of()), province)).isFalse();
        assertThat(search.readsInIndexOrder(filter(Map.of("division", TestFixtures.TOWNSHIP_A)), county)).isFalse();
        assertThat(search.readsInIndexOrder(filter(Map.of()), Scope.division(TestFixtures.TOWNSHIP_A_PATH)))
                .isFalse();
    }

    @Test
    void everyPageHoldsTheCountysRecordsInOrder() {
        List<Fixture> all = jdbc.sql("""
                select id, title, starts_at, division_path, status from activity where title like 'county-page-%'
                """).query((rs, n) -> new Fixture(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5))).list();
        assertThat(all).hasSize(17);
        Predicate<Fixture> inCounty = r -> r.path().startsWith(TestFixtures.COUNTY_PATH);
        assertThat(all.stream().filter(inCounty)).hasSize(14);

        record Case(Scope scope, Map<String, String> params, Predicate<Fixture> holds) {
        }
        Scope county = Scope.division(TestFixtures.COUNTY_PATH);
        Scope province = Scope.division(TestFixtures.PROVINCE);
        List<Case> cases = List.of(
                new Case(county, Map.of(), inCounty),
                new Case(province, Map.of("division", TestFixtures.COUNTY), inCounty),
                // the county's office choosing its own county in the filter (the county written twice)
                new Case(county, Map.of("division", TestFixtures.COUNTY), inCounty),
                new Case(county, Map.of("status", "VERIFIED"), inCounty.and(r -> r.status().equals("VERIFIED"))),
                new Case(county, Map.of("status", "COUNTED"),
                        inCounty.and(r -> r.status().equals("VERIFIED") || r.status().equals("SUBMITTED"))),
                new Case(county, Map.of("month", "2"), inCounty.and(r -> r.startsAt().getMonthValue() == 2)),
                // the province itself still sees the city's records
                new Case(province, Map.of(), r -> true));

        int compared = 0;
        for (Case c : cases) {
            for (String dir : List.of("asc", "desc")) {
                Comparator<Fixture> order = Comparator.comparing(Fixture::startsAt).thenComparingLong(Fixture::id);
                List<String> expected = all.stream().filter(c.holds())
                        .sorted("asc".equals(dir) ? order : order.reversed()).map(Fixture::title).toList();
                // size 2: pages 1-5 read in index order where the shape allows it, pages 6-9 choose ids first
                for (int page = 1; page <= 9; page++) {
                    Map<String, String> params = new HashMap<>(c.params());
                    params.putAll(Map.of("year", "2085", "sort", "startsAt", "dir", dir, "size", "2",
                            "page", String.valueOf(page)));
                    ActivityFilter f = filter(params);
                    List<String> titles = search.listPage(f, c.scope(), ZONE).stream().map(ActivityListRow::title)
                            .toList();
                    List<String> want = expected.subList(Math.min(expected.size(), (page - 1) * 2),
                            Math.min(expected.size(), page * 2));
                    assertThat(titles).as("%s in %s", params, c.scope()).isEqualTo(want);
                    assertThat(search.count(f, c.scope(), ZONE)).as("%s", params).isEqualTo(expected.size());
                    assertThat(search.countFromLedger(f, c.scope(), ZONE)).as("%s", params)
                            .isEqualTo(expected.size());
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(7 * 2 * 9);
    }
}
