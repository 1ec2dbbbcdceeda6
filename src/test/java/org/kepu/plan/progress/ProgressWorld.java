package org.kepu.plan.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.kepu.TestFixtures;
import org.kepu.plan.PlanKind;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanTestWorld;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.PlanData;
import org.kepu.plan.internal.TaskCommands;
import org.kepu.plan.internal.TaskData;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small plan in force for the progress tests, in 测试县 (PlanTestWorld), issued 2024-01-15 (reports due from
 * 2024Q1): task 1 led by 县科协 with 县教科体局 cooperating, task 2 led by 县教科体局 with a deadline of 2024-05-31,
 * task 3 led by 县科协. Each call makes a new plan (titles carry {@code tag}), so test classes do not share reports.
 */
final class ProgressWorld {

    final PlanTestWorld world;
    final long kexie;
    final long edu;
    final long women;
    final CurrentUser office;
    final CurrentUser kexieLiaison;
    final CurrentUser kexieHead;
    final CurrentUser eduLiaison;
    final CurrentUser womenLiaison;
    final CurrentUser leader;
    final CurrentUser township;
    final CurrentUser otherOffice;
    final long planId;
    final long task1;
    final long task2;
    final long task3;
    private final JdbcClient jdbc;

    ProgressWorld(JdbcClient jdbc, PlanCommands plans, TaskCommands tasks, String tag) {
        this.jdbc = jdbc;
        world = new PlanTestWorld(jdbc).ensure();
        kexie = world.unitId("县科协");
        edu = world.unitId("县教科体局");
        women = world.unitId("县妇联");
        office = world.user(tag + "-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
        kexieLiaison = world.user(tag + "-kexie", Role.UNIT_LIAISON, "县科协");
        kexieHead = world.user(tag + "-kexie-head", Role.UNIT_HEAD, "县科协");
        eduLiaison = world.user(tag + "-edu", Role.UNIT_LIAISON, "县教科体局");
        womenLiaison = world.user(tag + "-women", Role.UNIT_LIAISON, "县妇联");
        leader = world.user(tag + "-leader", Role.LEADER, PlanTestWorld.COUNTY);
        township = world.user(tag + "-township", Role.TOWNSHIP_ADMIN, PlanTestWorld.TOWNSHIP);
        otherOffice = world.user(tag + "-other", Role.OFFICE_ADMIN, PlanTestWorld.OTHER_COUNTY);
        long[] ids = new long[4];
        TestFixtures.runAs(office, () -> {
            ids[0] = plans.create(office, new PlanData(PlanKind.ANNUAL_POINTS, "2024年科普工作要点（" + tag + "）", 2024,
                    2024, "测试县科协", null, LocalDate.of(2024, 1, 15), PlanTestWorld.COUNTY));
            ids[1] = tasks.create(office, ids[0], task("1．", "开展青少年科技教育（" + tag + "）", null, List.of(kexie),
                    List.of(edu)));
            ids[2] = tasks.create(office, ids[0], task("2．", "建设校园科普阵地（" + tag + "）", LocalDate.of(2024, 5, 31),
                    List.of(edu), List.of()));
            ids[3] = tasks.create(office, ids[0], task("3．", "举办科技活动周（" + tag + "）", null, List.of(kexie),
                    List.of()));
            plans.changeStatus(office, ids[0], PlanStatus.IN_FORCE, 0);
        });
        planId = ids[0];
        task1 = ids[1];
        task2 = ids[2];
        task3 = ids[3];
    }

    private static TaskData task(String numbering, String title, LocalDate deadline, List<Long> lead,
            List<Long> coop) {
        return new TaskData(null, numbering, title, title, deadline, Set.of(KeyGroup.YOUTH), lead, coop, Set.of());
    }

    /** An activity in the ledger organised by {@code unitId} (placed in 邻县 so no 测试县 count changes). */
    long activity(String title, long unitId) {
        return jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                                      division_path, organizer_unit_id)
                values (:title, 'NATIONAL_SCIENCE_DAY', 'LECTURE', '{YOUTH}', '2024-03-20 10:00+08',
                        '2024-03-20 12:00+08', :code, :path, :unit) returning id
                """).param("title", title).param("code", PlanTestWorld.OTHER_COUNTY)
                .param("path", PlanTestWorld.OTHER_COUNTY_PATH).param("unit", unitId).query(Long.class).single();
    }

    long audits(String entity, long id, String action) {
        return jdbc.sql("select count(*) from audit_log where entity_type = :t and entity_id = :id and action = :a")
                .param("t", entity).param("id", String.valueOf(id)).param("a", action).query(Long.class).single();
    }
}
