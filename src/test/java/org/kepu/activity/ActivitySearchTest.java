package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.activity.ActivityTestSupport.as;
import static org.kepu.activity.ActivityTestSupport.unique;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class ActivitySearchTest {

    @Autowired
    ActivityService activities;
    @Autowired
    JdbcClient jdbc;

    CurrentUser office;
    String token;

    @BeforeEach
    void setUp() {
        TestFixtures fx = new TestFixtures(jdbc).ensure();
        office = fx.user("search-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        token = unique("检索");
        create("甲 " + token, "SCI_TECH_WEEK", "LECTURE", KeyGroup.YOUTH, LocalDateTime.of(2025, 5, 20, 9, 0),
                TestFixtures.VILLAGE_A1, 100);
        create("乙 " + token, "NATIONAL_SCIENCE_DAY", "EXHIBITION", KeyGroup.FARMER,
                LocalDateTime.of(2025, 9, 18, 9, 0), TestFixtures.VILLAGE_B1, 300);
        create("丙 " + token, "NATIONAL_SCIENCE_DAY", "LECTURE", KeyGroup.ELDERLY, LocalDateTime.of(2025, 9, 1, 0, 0),
                TestFixtures.TOWNSHIP_A, 50);
    }

    @Test
    void filtersCombine() {
        assertThat(titles(Map.of())).hasSize(3);
        assertThat(titles(Map.of("theme", "NATIONAL_SCIENCE_DAY"))).containsExactlyInAnyOrder("乙 " + token,
                "丙 " + token);
        assertThat(titles(Map.of("division", TestFixtures.TOWNSHIP_A))).containsExactlyInAnyOrder("甲 " + token,
                "丙 " + token);
        assertThat(titles(Map.of("keyGroup", "FARMER"))).containsExactly("乙 " + token);
        assertThat(titles(Map.of("format", "LECTURE", "year", "2025", "month", "9"))).containsExactly("丙 " + token);
        assertThat(titles(Map.of("from", "2025-09-02", "to", "2025-09-18"))).containsExactly("乙 " + token);
        assertThat(titles(Map.of("year", "2024"))).isEmpty();
        assertThat(titles(Map.of("status", "DRAFT"))).hasSize(3);
        assertThat(titles(Map.of("status", "VERIFIED"))).isEmpty();
    }

    @Test
    void countedMeansSubmittedOrVerifiedLikeTheDashboard() {
        assertThat(titles(Map.of("status", "COUNTED"))).isEmpty();
        long id = jdbc.sql("select id from activity where title = :t").param("t", "乙 " + token).query(Long.class)
                .single();
        jdbc.sql("update activity set status = 'SUBMITTED' where id = :id").param("id", id).update();
        assertThat(titles(Map.of("status", "COUNTED"))).containsExactly("乙 " + token);
        assertThat(filter(Map.of("status", "COUNTED")).toQueryString()).isEqualTo("status=COUNTED");
    }

    @Test
    void sortsAndPages() {
        assertThat(titles(Map.of("sort", "participants", "dir", "asc"))).containsExactly("丙 " + token,
                "甲 " + token, "乙 " + token);
        assertThat(titles(Map.of("sort", "startsAt", "dir", "desc"))).containsExactly("乙 " + token, "丙 " + token,
                "甲 " + token);
        var page2 = as(office, () -> activities.search(filter(Map.of("q", token, "sort", "startsAt", "dir", "asc", "size", "2",
                "page", "2"))));
        assertThat(page2.total()).isEqualTo(3);
        assertThat(page2.pages()).isEqualTo(2);
        assertThat(page2.rows()).extracting(ActivitySummary::title).containsExactly("乙 " + token);
    }

    @Test
    void exportVisitsEveryMatchInOrder() {
        List<String> seen = new java.util.ArrayList<>();
        ActivityFilter f = filter(Map.of("q", token, "sort", "title", "dir", "asc", "size", "1", "page", "3"));
        ActivityTestSupport.run(office, () -> activities.forEachMatching(f, a -> seen.add(a.title())));
        assertThat(seen).containsExactly("丙 " + token, "乙 " + token, "甲 " + token);
    }

    @Test
    void filterRoundTripsThroughTheUrl() {
        ActivityFilter f = filter(Map.of("year", "2026", "division", "360734100", "theme", "SCI_TECH_WEEK",
                "keyGroup", "YOUTH", "format", "LECTURE", "status", "VERIFIED", "q", "机器人 展",
                "sort", "title", "page", "2"));
        assertThat(f.toQueryString()).isEqualTo("year=2026&division=360734100&theme=SCI_TECH_WEEK"
                + "&keyGroup=YOUTH&format=LECTURE&status=VERIFIED&q=%E6%9C%BA%E5%99%A8%E4%BA%BA+%E5%B1%95"
                + "&sort=title&dir=desc&page=2");
        assertThat(filter(Map.of("year", "abc", "status", "NOPE", "month", "13")).toParams()).isEmpty();
    }

    private List<String> titles(Map<String, String> params) {
        Map<String, String> p = new java.util.HashMap<>(params);
        p.put("q", token);
        return as(office, () -> activities.search(filter(p))).rows().stream().map(ActivitySummary::title).toList();
    }

    private static ActivityFilter filter(Map<String, String> params) {
        Map<String, String[]> m = new java.util.HashMap<>();
        params.forEach((k, v) -> m.put(k, new String[] {v}));
        return ActivityFilter.fromParams(m);
    }

    private void create(String title, String theme, String format, KeyGroup group, LocalDateTime start,
            String division, int participants) {
        as(office, () -> activities.create(new ActivityInput(title, theme, format, List.of(group), start,
                start.plusHours(1), division, null, List.of(), participants, 0, 0, 0, null, null)));
    }
}
