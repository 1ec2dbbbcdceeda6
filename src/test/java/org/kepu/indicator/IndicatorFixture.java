package org.kepu.indicator;

import java.time.OffsetDateTime;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small world of its own for the indicator tests (codes 85…, used by no other test): 指测省 › 指测市 › 指测县
 * (population 100,000) with township A 甲镇 (40,000; villages A1 3,000, A2 2,000) and township B 乙镇 (20,000;
 * villages B1 1,500, B2 without a population),
 * two member units, and a dozen activities in 2091 whose figures the tests compute by hand. Times are written
 * with the +08:00 offset (Asia/Shanghai).
 *
 * <pre>
 *  #  place     starts (Beijing time)     status     theme / format            key groups      onsite online mat vol unit
 *  1  A1        2091-01-15 10:00          SUBMITTED  SCI_TECH_WEEK / LECTURE   YOUTH,FARMER      100     20  50   5  科协
 *  2  A1        2091-03-31 23:30 (March)  VERIFIED   NATIONAL_SCIENCE_DAY/TRAIN FARMER            40      0  10   2  教育局
 *  3  A2        2091-04-01 00:30 (April)  VERIFIED   SCI_TECH_WEEK / TRAINING  FARMER             30     10   0   1  科协
 *  4  A itself  2091-05-20 09:00          SUBMITTED  OTHER / EXHIBITION        ELDERLY            60      0  20   3  —
 *  5  B1        2091-02-10 14:00          VERIFIED   SCI_TECH_WEEK / LECTURE   YOUTH             200    300 100  10  教育局
 *  6  B1        2091-07-08 10:00          VERIFIED   NATIONAL_SCIENCE_DAY/TRAIN FARMER,ELDERLY    80      0  30   4  科协
 *  7  B2        2091-12-31 23:30 (Dec)    SUBMITTED  OTHER / LECTURE           CADRE              25      5   0   0  教育局
 *  8  county    2091-09-16 09:00          VERIFIED   NATIONAL_SCIENCE_DAY/EXHIB COMMUNITY        500   1000 300  20  科协
 *  9  A1        2091-06-01 10:00          DRAFT      (not counted)                               999    999 999  99
 * 10  B2        2091-06-02 10:00          RETURNED   (not counted)                               888    888 888  88
 * 11  A1        2092-01-01 00:30 (2092!)  VERIFIED                                                11      0   0   0
 * 12  B1        2090-12-31 23:30 (2090!)  VERIFIED                                                13      0   0   0
 * </pre>
 */
final class IndicatorFixture {

    static final int YEAR = 2091;
    static final String PROVINCE = "85";
    static final String CITY = "8501";
    static final String COUNTY = "850101";
    static final String COUNTY_PATH = "85/8501/850101";
    static final String A = "850101100";
    static final String A_PATH = COUNTY_PATH + "/" + A;
    static final String B = "850101101";
    static final String B_PATH = COUNTY_PATH + "/" + B;
    static final String A1 = "850101100001";
    static final String A2 = "850101100002";
    static final String B1 = "850101101001";
    static final String B2 = "850101101002";
    static final String UNIT_KX = "指测县科协";
    static final String UNIT_JY = "指测县教育局";

    private final JdbcClient jdbc;

    IndicatorFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        division(PROVINCE, null, "指测省", 1, 5_000_000);
        division(CITY, PROVINCE, "指测市", 2, 1_000_000);
        division(COUNTY, CITY, "指测县", 3, 100_000);
        division(A, COUNTY, "甲镇", 4, 40_000);
        division(B, COUNTY, "乙镇", 4, 20_000);
        division(A1, A, "甲一村", 5, 3_000);
        division(A2, A, "甲二村", 5, 2_000);
        division(B1, B, "乙一村", 5, 1_500);
        division(B2, B, "乙二村", 5, null);
        unit(UNIT_KX);
        unit(UNIT_JY);
    }

    /** Replaces the fixture's activities (titles start with "ind-fixture-"). */
    IndicatorFixture load() {
        jdbc.sql("delete from activity where title like 'ind-fixture-%'").update();
        long kx = unitId(UNIT_KX);
        long jy = unitId(UNIT_JY);
        insert("1", A1, "2091-01-15T10:00+08:00", "SUBMITTED", "SCI_TECH_WEEK", "LECTURE", "{YOUTH,FARMER}",
                100, 20, 50, 5, kx);
        insert("2", A1, "2091-03-31T23:30+08:00", "VERIFIED", "NATIONAL_SCIENCE_DAY", "TRAINING", "{FARMER}",
                40, 0, 10, 2, jy);
        insert("3", A2, "2091-04-01T00:30+08:00", "VERIFIED", "SCI_TECH_WEEK", "TRAINING", "{FARMER}",
                30, 10, 0, 1, kx);
        insert("4", A, "2091-05-20T09:00+08:00", "SUBMITTED", "OTHER", "EXHIBITION", "{ELDERLY}", 60, 0, 20, 3, null);
        insert("5", B1, "2091-02-10T14:00+08:00", "VERIFIED", "SCI_TECH_WEEK", "LECTURE", "{YOUTH}",
                200, 300, 100, 10, jy);
        insert("6", B1, "2091-07-08T10:00+08:00", "VERIFIED", "NATIONAL_SCIENCE_DAY", "TRAINING", "{FARMER,ELDERLY}",
                80, 0, 30, 4, kx);
        insert("7", B2, "2091-12-31T23:30+08:00", "SUBMITTED", "OTHER", "LECTURE", "{CADRE}", 25, 5, 0, 0, jy);
        insert("8", COUNTY, "2091-09-16T09:00+08:00", "VERIFIED", "NATIONAL_SCIENCE_DAY", "EXHIBITION",
                "{COMMUNITY}", 500, 1000, 300, 20, kx);
        insert("9", A1, "2091-06-01T10:00+08:00", "DRAFT", "SCI_TECH_WEEK", "LECTURE", "{YOUTH}", 999, 999, 999, 99,
                kx);
        insert("10", B2, "2091-06-02T10:00+08:00", "RETURNED", "SCI_TECH_WEEK", "LECTURE", "{YOUTH}", 888, 888, 888,
                88, jy);
        insert("11", A1, "2092-01-01T00:30+08:00", "VERIFIED", "OTHER", "OTHER", "{CADRE}", 11, 0, 0, 0, kx);
        insert("12", B1, "2090-12-31T23:30+08:00", "VERIFIED", "OTHER", "OTHER", "{CADRE}", 13, 0, 0, 0, kx);
        return this;
    }

    long unitId(String name) {
        return jdbc.sql("select id from member_unit where name = :n and division_code = :c").param("n", name)
                .param("c", COUNTY).query(Long.class).single();
    }

    long activityId(String n) {
        return jdbc.sql("select id from activity where title = :t").param("t", "ind-fixture-" + n).query(Long.class)
                .single();
    }

    /** An account (created if missing) with a division scope in this world. */
    CurrentUser user(String username, Role role, String divisionCode) {
        String path = pathOf(divisionCode);
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, division_code, division_path,
                                      must_change_password)
                values (:u, :u, '{noop}unusable-in-tests', :role, :dc, :dp, false) on conflict (username) do nothing
                """).param("u", username).param("role", role.name()).param("dc", divisionCode).param("dp", path)
                .update();
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class)
                .single();
        return new CurrentUser(id, username, username, role, Scope.division(path));
    }

    /** A member-unit account of this world's county. */
    CurrentUser unitUser(String username, String unitName) {
        long unit = unitId(unitName);
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, unit_id, must_change_password)
                values (:u, :u, '{noop}unusable-in-tests', 'UNIT_LIAISON', :unit, false) on conflict (username) do nothing
                """).param("u", username).param("unit", unit).update();
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class)
                .single();
        return new CurrentUser(id, username, username, Role.UNIT_LIAISON, Scope.unit(unit, COUNTY_PATH));
    }

    private void insert(String n, String division, String startsAt, String status, String theme, String format,
            String keyGroups, int onsite, int online, int materials, int volunteers, Long unit) {
        OffsetDateTime start = OffsetDateTime.parse(startsAt);
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, organizer_unit_id, participants_onsite, participants_online, materials_count,
                        volunteers_count, status)
                select :title, :theme, :format, cast(:kg as varchar(20)[]), :start, :end, d.code, d.path, :unit,
                       :onsite, :online, :materials, :volunteers, :status
                from division d where d.code = :division
                """).param("title", "ind-fixture-" + n).param("theme", theme).param("format", format)
                .param("kg", keyGroups).param("start", start).param("end", start.plusHours(1))
                .param("division", division).param("unit", unit).param("onsite", onsite).param("online", online)
                .param("materials", materials).param("volunteers", volunteers).param("status", status).update();
    }

    private void division(String code, String parent, String name, int level, Integer population) {
        String path = parent == null ? code : pathOf(parent) + "/" + code;
        jdbc.sql("""
                insert into division (code, parent_code, name, level, path, population)
                values (:code, :parent, :name, :level, :path, :population) on conflict (code) do nothing
                """).param("code", code).param("parent", parent).param("name", name).param("level", level)
                .param("path", path).param("population", population).update();
    }

    private String pathOf(String code) {
        return jdbc.sql("select path from division where code = :c").param("c", code).query(String.class).single();
    }

    private void unit(String name) {
        jdbc.sql("""
                insert into member_unit (division_code, division_path, name, unit_type)
                values (:c, :p, :name, 'GOVERNMENT') on conflict (division_code, name) do nothing
                """).param("c", COUNTY).param("p", COUNTY_PATH).param("name", name).update();
    }
}
