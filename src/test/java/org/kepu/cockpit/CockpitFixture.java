package org.kepu.cockpit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small world of its own for the cockpit tests (codes 87…, used by no other test), all in 2020 so that every
 * target's deadline has passed and its status is fixed (reached: 已完成, else 严重滞后):
 * 驾测省 › 驾测市 › 驾测县 (population 100,000) with 甲镇 (40,000), 乙镇 (20,000) and 丙镇 (population unknown),
 * one village each, and three county member units.
 *
 * <pre>
 *  #  place      starts       status     organiser  on site + online
 *  1  甲一村      2020-03-10   VERIFIED   科协        100 + 0
 *  2  甲一村      2020-05-10   SUBMITTED  科协         50 + 10
 *  3  甲镇 itself 2020-06-01   VERIFIED   教育局       30 + 0
 *  4  乙一村      2020-03-15   VERIFIED   教育局      200 + 0
 *  5  丙一村      2020-07-01   VERIFIED   科协         20 + 0
 *  6  丙一村      2020-08-01   VERIFIED   —            10 + 0
 *  7  丙一村      2020-09-01   VERIFIED   教育局        5 + 0
 *  8  甲一村      2020-10-01   DRAFT      科协        999 (not counted)
 * </pre>
 *
 * Activities (activity_count): 甲 3, 乙 1, 丙 3, county 7. Participants: county 425; 科协 3 activities / 180,
 * 教育局 3 / 235, 卫健委 0.
 *
 * <p>Targets of activity_count for 2020: 甲 ≥ 6 (3 → 50 %, 严重滞后), 乙 ≥ 1 (1 → 100 %, 已完成), county ≥ 5
 * (已完成); of participant_count: county ≥ 1000 (425, 严重滞后).
 *
 * <p>A plan in force at the county, 4 tasks: T1 led by 科协 bound to the county activity target (已完成); T2 led by
 * 教育局 bound to the county participant target (严重滞后); T3 led by 科协 without targets; T4 led by 科协 bound to
 * 甲's (严重滞后) and 乙's (已完成) targets → the task is 严重滞后.
 */
final class CockpitFixture {

    static final int YEAR = 2020;
    static final String PROVINCE = "87";
    static final String CITY = "8701";
    static final String COUNTY = "870101";
    static final String COUNTY_PATH = "87/8701/870101";
    static final String A = "870101100";
    static final String B = "870101101";
    static final String C = "870101102";
    static final String A1 = "870101100001";
    static final String B1 = "870101101001";
    static final String C1 = "870101102001";
    static final String KX = "驾测县科协";
    static final String JY = "驾测县教育局";
    static final String WJ = "驾测县卫健委";

    private final JdbcClient jdbc;
    long planId;
    long targetA;
    long targetB;
    long targetCounty;
    long targetParticipants;

    CockpitFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        division(PROVINCE, null, "驾测省", 1, 5_000_000);
        division(CITY, PROVINCE, "驾测市", 2, 1_000_000);
        division(COUNTY, CITY, "驾测县", 3, 100_000);
        division(A, COUNTY, "甲镇", 4, 40_000);
        division(B, COUNTY, "乙镇", 4, 20_000);
        division(C, COUNTY, "丙镇", 4, null);
        division(A1, A, "甲一村", 5, 3_000);
        division(B1, B, "乙一村", 5, 1_500);
        division(C1, C, "丙一村", 5, 1_000);
        unit(KX, 1);
        unit(JY, 2);
        unit(WJ, 3);
    }

    /** Replaces the fixture's activities, targets and plan. */
    CockpitFixture load() {
        clean();
        long kx = unitId(KX);
        long jy = unitId(JY);
        insert("1", A1, "2020-03-10T10:00+08:00", "VERIFIED", 100, 0, kx);
        insert("2", A1, "2020-05-10T10:00+08:00", "SUBMITTED", 50, 10, kx);
        insert("3", A, "2020-06-01T10:00+08:00", "VERIFIED", 30, 0, jy);
        insert("4", B1, "2020-03-15T10:00+08:00", "VERIFIED", 200, 0, jy);
        insert("5", C1, "2020-07-01T10:00+08:00", "VERIFIED", 20, 0, kx);
        insert("6", C1, "2020-08-01T10:00+08:00", "VERIFIED", 10, 0, null);
        insert("7", C1, "2020-09-01T10:00+08:00", "VERIFIED", 5, 0, jy);
        insert("8", A1, "2020-10-01T10:00+08:00", "DRAFT", 999, 0, kx);
        targetA = target("activity_count", A, "6");
        targetB = target("activity_count", B, "1");
        targetCounty = target("activity_count", COUNTY, "5");
        targetParticipants = target("participant_count", COUNTY, "1000");
        planId = jdbc.sql("""
                insert into plan (kind, title, period_start, period_end, document_number, status, division_code,
                                  division_path)
                values ('ANNUAL_POINTS', '驾测县2020年科普工作要点', 2020, 2020, '驾科协字〔2020〕1号', 'IN_FORCE',
                        :c, :p) returning id
                """).param("c", COUNTY).param("p", COUNTY_PATH).query(Long.class).single();
        long t1 = task(1, "开展科普活动");
        lead(t1, kx, KX);
        bind(t1, targetCounty);
        long t2 = task(2, "扩大参与");
        lead(t2, jy, JY);
        bind(t2, targetParticipants);
        long t3 = task(3, "建设队伍");
        lead(t3, kx, KX);
        jdbc.sql("insert into plan_task_unit (task_id, role, unit_id, written_name) values (:t, 'COOPERATING', :u,"
                + " :n)").param("t", t3).param("u", jy).param("n", JY).update();
        long t4 = task(4, "乡镇活动");
        lead(t4, kx, KX);
        bind(t4, targetA);
        bind(t4, targetB);
        return this;
    }

    void clean() {
        jdbc.sql("delete from plan where division_path like '87/%'").update();
        jdbc.sql("delete from indicator_target where division_path like '87/%'").update();
        jdbc.sql("delete from activity where title like 'cockpit-fixture-%'").update();
    }

    long unitId(String name) {
        return jdbc.sql("select id from member_unit where name = :n and division_code = :c").param("n", name)
                .param("c", COUNTY).query(Long.class).single();
    }

    long indicatorId(String code) {
        return jdbc.sql("select id from indicator where code = :c").param("c", code).query(Long.class).single();
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

    private long task(int order, String title) {
        return jdbc.sql("insert into plan_task (plan_id, numbering, sort_order, title) values (:p, :n, :o, :t)"
                + " returning id").param("p", planId).param("n", order + "．").param("o", order).param("t", title)
                .query(Long.class).single();
    }

    private void lead(long task, long unit, String name) {
        jdbc.sql("insert into plan_task_unit (task_id, role, unit_id, written_name) values (:t, 'LEAD', :u, :n)")
                .param("t", task).param("u", unit).param("n", name).update();
    }

    private void bind(long task, long target) {
        jdbc.sql("""
                insert into plan_task_target (task_id, subject, quantity, comparator, deadline_year, bound_target_id)
                select :t, i.name, t.target_value, 'AT_LEAST', 2020, t.id
                from indicator_target t join indicator i on i.id = t.indicator_id where t.id = :id
                """).param("t", task).param("id", target).update();
    }

    private long target(String indicator, String division, String value) {
        return jdbc.sql("""
                insert into indicator_target (indicator_id, division_code, division_path, start_date, baseline,
                                              deadline, comparator, target_value, source_note)
                select i.id, d.code, d.path, :start, 0, :deadline, 'AT_LEAST', :value, '测试'
                from indicator i, division d where i.code = :ind and d.code = :division
                returning id
                """).param("start", LocalDate.of(YEAR, 1, 1)).param("deadline", LocalDate.of(YEAR, 12, 31))
                .param("value", new java.math.BigDecimal(value)).param("ind", indicator).param("division", division)
                .query(Long.class).single();
    }

    private void insert(String n, String division, String startsAt, String status, int onsite, int online,
            Long unit) {
        OffsetDateTime start = OffsetDateTime.parse(startsAt);
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, organizer_unit_id, participants_onsite, participants_online, materials_count,
                        volunteers_count, status)
                select :title, 'OTHER', 'LECTURE', '{FARMER}', :start, :end, d.code, d.path, :unit,
                       :onsite, :online, 0, 0, :status
                from division d where d.code = :division
                """).param("title", "cockpit-fixture-" + n).param("start", start).param("end", start.plusHours(1))
                .param("division", division).param("unit", unit).param("onsite", onsite).param("online", online)
                .param("status", status).update();
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

    private void unit(String name, int order) {
        jdbc.sql("""
                insert into member_unit (division_code, division_path, name, unit_type, sort_order)
                values (:c, :p, :name, 'GOVERNMENT', :o) on conflict (division_code, name) do nothing
                """).param("c", COUNTY).param("p", COUNTY_PATH).param("name", name).param("o", order).update();
    }
}
