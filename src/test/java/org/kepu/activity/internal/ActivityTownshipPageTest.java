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
 * A list that covers at most one township chooses its page among the township's records read first
 * (ActivitySearch.withinTownship). Its pages must be exactly those of the plain query: every sort, both directions,
 * every page, for a township or village scope and for a township or village chosen in the filter.
 */
@KepuIntegrationTest
class ActivityTownshipPageTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivitySearch search;

    TestFixtures world;

    /** What the oracle sorts by: the fixture's rows as read back from the database. */
    record Fixture(long id, String title, OffsetDateTime startsAt, String path, int participants, String status,
            OffsetDateTime updatedAt, Long unitId) {
    }

    @BeforeEach
    void load() {
        world = new TestFixtures(jdbc).ensure();
        jdbc.sql("delete from activity where title like 'township-page-%'").update();
        // 2089: a year no other test uses. Eleven records in township A (its two villages and the township itself),
        // four in township B; equal start times, equal participant counts and equal statuses, so that ties are broken
        // by id as the list promises
        String[] places = {TestFixtures.VILLAGE_A1, TestFixtures.VILLAGE_A2, TestFixtures.TOWNSHIP_A,
            TestFixtures.VILLAGE_B1};
        String[] statuses = {"DRAFT", "SUBMITTED", "VERIFIED", "RETURNED"};
        long unit = world.unitId("县科协");
        for (int i = 0; i < 15; i++) {
            String place = i < 11 ? places[i % 3] : places[3];
            OffsetDateTime start = OffsetDateTime.parse(String.format("2089-%02d-%02dT09:00+08:00", 1 + i % 6,
                    10 + i % 4));
            jdbc.sql("""
                    insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at,
                            division_code, division_path, status, participants_onsite, participants_online,
                            organizer_unit_id, updated_at)
                    select :title, 'SCI_TECH_WEEK', 'LECTURE', '{YOUTH}', :start, :end, d.code, d.path, :status,
                            :onsite, :online, :unit, :updated
                    from division d where d.code = :division
                    """).param("title", "township-page-" + (char) ('a' + (i * 7) % 15)).param("start", start)
                    .param("end", start.plusHours(2)).param("division", place).param("status", statuses[i % 4])
                    .param("onsite", (i * 13) % 5 * 10).param("online", i % 2).param("unit", i % 3 == 0 ? unit : null)
                    .param("updated", start.plusDays(i % 5)).update();
        }
    }

    @Test
    void aTownshipOrVillageAreaIsRecognised() {
        Scope county = Scope.division(TestFixtures.COUNTY_PATH);
        assertThat(search.withinTownship(filter(Map.of()), Scope.division(TestFixtures.TOWNSHIP_A_PATH))).isTrue();
        assertThat(search.withinTownship(filter(Map.of()), Scope.division(TestFixtures.VILLAGE_A1_PATH))).isTrue();
        assertThat(search.withinTownship(filter(Map.of("division", TestFixtures.TOWNSHIP_B)), county)).isTrue();
        assertThat(search.withinTownship(filter(Map.of("division", TestFixtures.VILLAGE_B1)), county)).isTrue();
        assertThat(search.withinTownship(filter(Map.of("division", TestFixtures.TOWNSHIP_A)),
                Scope.unit(world.unitId("县科协"), TestFixtures.COUNTY_PATH))).isTrue();

        assertThat(search.withinTownship(filter(Map.of()), county)).isFalse();
        assertThat(search.withinTownship(filter(Map.of("division", TestFixtures.COUNTY)), county)).isFalse();
        assertThat(search.withinTownship(filter(Map.of("division", "999999")), county)).isFalse();
        assertThat(search.withinTownship(filter(Map.of()), Scope.unit(world.unitId("县科协"), TestFixtures.COUNTY_PATH)))
                .isFalse();
        assertThat(search.withinTownship(filter(Map.of()), Scope.NONE)).isFalse();
        assertThat(search.withinTownship(filter(Map.of("division", TestFixtures.TOWNSHIP_A)), Scope.NONE)).isFalse();
    }

    @Test
    void everySortAndPageIsThePlainQuerysPage() {
        Scope county = Scope.division(TestFixtures.COUNTY_PATH);
        Scope townshipA = Scope.division(TestFixtures.TOWNSHIP_A_PATH);
        Scope unit = Scope.unit(world.unitId("县科协"), TestFixtures.COUNTY_PATH);
        List<Fixture> all = jdbc.sql("""
                select id, title, starts_at, division_path, participants_onsite + participants_online, status,
                       updated_at, organizer_unit_id
                from activity where title like 'township-page-%'
                """).query((rs, n) -> new Fixture(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), (Long) rs.getObject(8))).list();
        assertThat(all).hasSize(15);

        record Area(Scope scope, Map<String, String> params, Predicate<Fixture> holds) {
        }
        List<Area> areas = List.of(
                new Area(townshipA, Map.of(), r -> r.path().startsWith(TestFixtures.TOWNSHIP_A_PATH)),
                new Area(county, Map.of("division", TestFixtures.TOWNSHIP_A),
                        r -> r.path().startsWith(TestFixtures.TOWNSHIP_A_PATH)),
                new Area(county, Map.of("division", TestFixtures.VILLAGE_A1),
                        r -> r.path().equals(TestFixtures.VILLAGE_A1_PATH)),
                new Area(townshipA, Map.of("division", TestFixtures.VILLAGE_A2),
                        r -> r.path().endsWith(TestFixtures.VILLAGE_A2)),
                new Area(county, Map.of("division", TestFixtures.TOWNSHIP_B),
                        r -> r.path().startsWith(TestFixtures.TOWNSHIP_B_PATH)),
                new Area(unit, Map.of("division", TestFixtures.TOWNSHIP_A),
                        r -> r.path().startsWith(TestFixtures.TOWNSHIP_A_PATH) && r.unitId() != null),
                // a township outside the scope: nothing
                new Area(townshipA, Map.of("division", TestFixtures.TOWNSHIP_B), r -> false));
        Map<String, Comparator<Fixture>> sorts = Map.of(
                "startsAt", Comparator.comparing(Fixture::startsAt),
                "title", Comparator.comparing(Fixture::title),
                "division", Comparator.comparing(Fixture::path),
                "participants", Comparator.comparingInt(Fixture::participants),
                "status", Comparator.comparing(Fixture::status),
                "updatedAt", Comparator.comparing(Fixture::updatedAt));

        int compared = 0;
        for (Area area : areas) {
            for (var sort : sorts.entrySet()) {
                for (String dir : List.of("asc", "desc")) {
                    Comparator<Fixture> order = sort.getValue().thenComparingLong(Fixture::id);
                    List<String> expected = all.stream().filter(area.holds())
                            .sorted("asc".equals(dir) ? order : order.reversed()).map(Fixture::title).toList();
                    for (int page = 1; page <= 3; page++) {
                        Map<String, String> params = new HashMap<>(area.params());
                        params.putAll(Map.of("year", "2089", "sort", sort.getKey(), "dir", dir, "size", "3",
                                "page", String.valueOf(page)));
                        ActivityFilter f = filter(params);
                        List<String> titles = search.listPage(f, area.scope(), ZONE).stream()
                                .map(ActivityListRow::title).toList();
                        List<String> want = expected.subList(Math.min(expected.size(), (page - 1) * 3),
                                Math.min(expected.size(), page * 3));
                        assertThat(titles).as("%s in %s", params, area.scope()).isEqualTo(want);
                        assertThat(search.count(f, area.scope(), ZONE)).as("%s", params).isEqualTo(expected.size());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(7 * 6 * 2 * 3);
    }
}
