package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.activity.ActivityTestSupport.as;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.activity.OrganizerFigures.OrganizerFigure;
import org.kepu.activity.stats.ActivitySummaryCheck;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The member units' figures from the summary's per-unit rows (V607) equal those grouped from the ledger, with
 * deltas pending, after they are folded, and after records change status, organiser or place.
 */
@KepuIntegrationTest
class OrganizerFiguresTest {

    static final int Y = 2083;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizerFigures figures;
    @Autowired
    DivisionService divisions;
    @Autowired
    ActivitySummaryCheck summary;

    TestFixtures world;
    CurrentUser office;
    long cast;
    long edu;

    @BeforeEach
    void load() {
        world = new TestFixtures(jdbc).ensure();
        office = world.user("organizer-office", Role.OFFICE_ADMIN, TestFixtures.PROVINCE);
        cast = world.unitId("县科协");
        edu = world.unitId("县教育局");
        jdbc.sql("delete from activity where title like 'organizer-fixture-%'").update();
        // counted and uncounted records, with and without an organiser, in two townships and across the year
        String[] statuses = {"VERIFIED", "SUBMITTED", "DRAFT", "RETURNED", "VERIFIED"};
        String[] places = {TestFixtures.VILLAGE_A1, TestFixtures.VILLAGE_B1, TestFixtures.TOWNSHIP_A};
        for (int i = 0; i < 20; i++) {
            Long unit = i % 4 == 3 ? null : i % 2 == 0 ? cast : edu;
            insert("organizer-fixture-" + i, places[i % 3], statuses[i % 5], unit, 1 + i % 12, 10 * i, i % 3);
        }
        // one in December of the year before, one in January after, in Shanghai time: outside the year
        insert("organizer-fixture-before", TestFixtures.VILLAGE_A1, "VERIFIED", cast,
                OffsetDateTime.parse((Y - 1) + "-12-31T23:30+08:00"), 7, 0);
        insert("organizer-fixture-after", TestFixtures.VILLAGE_A1, "VERIFIED", cast,
                OffsetDateTime.parse((Y + 1) + "-01-01T00:30+08:00"), 7, 0);
    }

    private void insert(String title, String village, String status, Long unit, int month, int onsite, int online) {
        insert(title, village, status, unit, OffsetDateTime.parse(String.format("%d-%02d-15T09:00+08:00", Y, month)),
                onsite, online);
    }

    private void insert(String title, String village, String status, Long unit, OffsetDateTime start, int onsite,
            int online) {
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, status, organizer_unit_id, participants_onsite, participants_online)
                select :title, 'SCI_TECH_WEEK', 'LECTURE', '{YOUTH}', :start, :end, d.code, d.path, :status, :unit,
                       :onsite, :online
                from division d where d.code = :division
                """).param("title", title).param("start", start).param("end", start.plusHours(1))
                .param("division", village).param("status", status).param("unit", unit).param("onsite", onsite)
                .param("online", online).update();
    }

    @Test
    void theSummaryGivesWhatTheLedgerGives() {
        assertSame("deltas pending");
        summary.fold();
        assertSame("folded");

        // a record un-counted, one counted, one moving to another unit, one losing its organiser, one moving
        // township, one moving into the next year
        update("status = 'RETURNED'", "organizer-fixture-0");
        update("status = 'SUBMITTED'", "organizer-fixture-2");
        update("organizer_unit_id = " + cast, "organizer-fixture-1");
        update("organizer_unit_id = null", "organizer-fixture-4");
        jdbc.sql("""
                update activity a set division_code = d.code, division_path = d.path from division d
                where d.code = :v and a.title = 'organizer-fixture-5'
                """).param("v", TestFixtures.VILLAGE_B1).update();
        update("starts_at = starts_at + interval '1 year', ends_at = ends_at + interval '1 year'",
                "organizer-fixture-11");
        assertSame("after changes, pending");
        summary.fold();
        assertSame("after changes, folded");
        assertThat(summary.differences().stream().filter(d -> d.month().startsWith(Y + "-")))
                .as("the nightly check agrees, UNIT rows included").isEmpty();

        List<OrganizerFigure> county = as(office, () -> figures.byOrganizer(division(TestFixtures.COUNTY), Y));
        OrganizerFigure castFigure = county.stream().filter(f -> f.unitId() == cast).findFirst().orElseThrow();
        assertThat(castFigure.activities()).isPositive();
        assertThat(castFigure.link()).isEqualTo("/activities?year=" + Y + "&division=" + TestFixtures.COUNTY
                + "&unit=" + cast + "&status=COUNTED");
    }

    private void update(String set, String title) {
        jdbc.sql("update activity set " + set + " where title = :t").param("t", title).update();
    }

    /** For the county, city and province: summary and ledger agree, and byOrganizer answers the same. */
    private void assertSame(String when) {
        for (String code : List.of(TestFixtures.COUNTY, TestFixtures.CITY, TestFixtures.PROVINCE)) {
            Division area = division(code);
            String base = "/activities?year=" + Y + "&division=" + code + "&unit=";
            List<OrganizerFigure> ledger = sorted(as(office, () -> figures.fromLedger(office, area, Y, base)));
            List<OrganizerFigure> summed = sorted(as(office, () -> figures.fromSummary(office, area, Y, base)));
            assertThat(summed).as("%s, %s", when, code).isEqualTo(ledger);
            assertThat(sorted(as(office, () -> figures.byOrganizer(area, Y)))).isEqualTo(ledger);
        }
        // a township is grouped from the ledger
        Division township = division(TestFixtures.TOWNSHIP_A);
        String base = "/activities?year=" + Y + "&division=" + TestFixtures.TOWNSHIP_A + "&unit=";
        assertThat(sorted(as(office, () -> figures.byOrganizer(township, Y))))
                .isEqualTo(sorted(as(office, () -> figures.fromLedger(office, township, Y, base))));
    }

    private Division division(String code) {
        return divisions.find(code).orElseThrow();
    }

    private static List<OrganizerFigure> sorted(List<OrganizerFigure> list) {
        return list.stream().sorted(Comparator.comparingLong(OrganizerFigure::unitId)).toList();
    }
}
