package org.kepu.activity.stats;

import java.time.OffsetDateTime;
import org.kepu.TestFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A handful of activities in the year 2087 (a year no other test uses) over the shared fixture world, with
 * figures computed by hand in the tests. Times are written with the +08:00 offset (Asia/Shanghai).
 */
final class StatsFixture {

    static final int YEAR = 2087;

    private final JdbcClient jdbc;
    private final TestFixtures world;

    StatsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.world = new TestFixtures(jdbc).ensure();
    }

    TestFixtures world() {
        return world;
    }

    /** Replaces this fixture's activities (titles start with "stats-fixture-"). */
    StatsFixture load() {
        jdbc.sql("delete from activity where title like 'stats-fixture-%'").update();
        long kx = world.unitId("县科协");
        long jy = world.unitId("县教育局");
        // 1: counted, two key groups, March
        insert("1", "SCI_TECH_WEEK", "LECTURE", "{YOUTH,FARMER}", "2087-03-10T10:00+08:00",
                TestFixtures.VILLAGE_A1, kx, 100, 20, 50, 5, "SUBMITTED");
        // 2: counted, September
        insert("2", "NATIONAL_SCIENCE_DAY", "EXHIBITION", "{ELDERLY}", "2087-09-16T09:00+08:00",
                TestFixtures.VILLAGE_A2, jy, 30, 0, 10, 2, "VERIFIED");
        // 3: held at the township itself, Dec 31 23:30 Beijing time = 15:30 UTC: still 2087, December
        insert("3", "SCI_TECH_WEEK", "TRAINING", "{FARMER}", "2087-12-31T23:30+08:00",
                TestFixtures.TOWNSHIP_A, kx, 40, 0, 0, 1, "VERIFIED");
        // 4: township B, May
        insert("4", "SCI_TECH_WEEK", "LECTURE", "{YOUTH}", "2087-05-20T14:00+08:00",
                TestFixtures.VILLAGE_B1, jy, 200, 300, 100, 10, "SUBMITTED");
        // 5, 6: not counted
        insert("5", "SCI_TECH_WEEK", "LECTURE", "{YOUTH}", "2087-03-11T10:00+08:00",
                TestFixtures.VILLAGE_A1, kx, 999, 999, 999, 99, "DRAFT");
        insert("6", "SCI_TECH_WEEK", "LECTURE", "{YOUTH}", "2087-03-12T10:00+08:00",
                TestFixtures.VILLAGE_B2, jy, 888, 888, 888, 88, "RETURNED");
        // 7: Jan 1 2088 00:30 Beijing time = Dec 31 2087 16:30 UTC: belongs to 2088, January
        insert("7", "OTHER", "OTHER", "{CADRE}", "2088-01-01T00:30+08:00",
                TestFixtures.VILLAGE_A1, kx, 11, 0, 0, 0, "VERIFIED");
        // 8: Jan 1 2087 00:10 Beijing time = Dec 31 2086 16:10 UTC: belongs to 2087, January; no key group
        insert("8", "OTHER", "OTHER", "{}", "2087-01-01T00:10+08:00",
                TestFixtures.VILLAGE_A1, kx, 7, 0, 0, 0, "VERIFIED");
        return this;
    }

    private void insert(String n, String theme, String format, String keyGroups, String startsAt, String division,
            long unitId, int onsite, int online, int materials, int volunteers, String status) {
        OffsetDateTime start = OffsetDateTime.parse(startsAt);
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, organizer_unit_id, participants_onsite, participants_online, materials_count,
                        volunteers_count, status)
                select :title, :theme, :format, cast(:kg as varchar(20)[]), :start, :end, d.code, d.path, :unit,
                       :onsite, :online, :materials, :volunteers, :status
                from division d where d.code = :division
                """).param("title", "stats-fixture-" + n).param("theme", theme).param("format", format)
                .param("kg", keyGroups).param("start", start).param("end", start.plusHours(2))
                .param("division", division).param("unit", unitId).param("onsite", onsite)
                .param("online", online).param("materials", materials).param("volunteers", volunteers)
                .param("status", status).update();
    }
}
