package org.kepu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.organization.ActionRole;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.PlanData;
import org.kepu.plan.internal.TaskCommands;
import org.kepu.plan.internal.TaskData;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plans and tasks: writing with optimistic locking and audit, status rules, the task tree, and the scope. */
@KepuIntegrationTest
class PlanCommandsTest {

    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;
    @Autowired
    PlanService reads;
    @Autowired
    JdbcClient jdbc;

    PlanTestWorld world;
    CurrentUser office;

    @BeforeEach
    void setUp() {
        world = new PlanTestWorld(jdbc).ensure();
        office = world.user("plan-cmd-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
    }

    private PlanData data(String title) {
        return new PlanData(PlanKind.ANNUAL_POINTS, title, 2024, 2024, "测试县科协", "测科协字〔2024〕1号",
                LocalDate.of(2024, 3, 1), PlanTestWorld.COUNTY);
    }

    private TaskData task(Long parent, String numbering, String title, List<Long> lead, List<Long> coop) {
        return new TaskData(parent, numbering, title, title + "的内容。", null, Set.of(KeyGroup.YOUTH), lead, coop,
                Set.of());
    }

    private long audits(String entity, long id, String action) {
        return jdbc.sql("select count(*) from audit_log where entity_type = :t and entity_id = :id and action = :a")
                .param("t", entity).param("id", String.valueOf(id)).param("a", action).query(Long.class).single();
    }

    @Test
    void officeCreatesEditsPublishesAndClosesAPlanWithLockingAndAudit() {
        long id = plans.create(office, data("2024年科普工作要点（命令测试）"));
        PlanSummary p = reads.get(office, id);
        assertThat(p.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(p.period()).isEqualTo("2024年");
        assertThat(p.divisionName()).isEqualTo("测试县");
        assertThat(audits("plan", id, "CREATE")).isEqualTo(1);

        plans.update(office, id, data("2024年科普工作要点（已修改）"), 0);
        assertThatThrownBy(() -> plans.update(office, id, data("过期的修改"), 0))
                .isInstanceOf(ConflictException.class);
        assertThat(reads.get(office, id).title()).isEqualTo("2024年科普工作要点（已修改）");
        assertThatThrownBy(() -> plans.update(office, id, new PlanData(PlanKind.ANNUAL_POINTS, " ", 2025, 2024,
                null, null, null, PlanTestWorld.COUNTY), 1)).isInstanceOf(BadRequestException.class)
                .hasMessage("plan.error.titleRequired");
        assertThatThrownBy(() -> plans.update(office, id, new PlanData(PlanKind.ANNUAL_POINTS, "年份颠倒", 2025, 2024,
                null, null, null, PlanTestWorld.COUNTY), 1)).hasMessage("plan.error.period");

        assertThatThrownBy(() -> plans.changeStatus(office, id, PlanStatus.CLOSED, 1))
                .isInstanceOf(BadRequestException.class).hasMessage("plan.error.status");
        plans.changeStatus(office, id, PlanStatus.IN_FORCE, 1);
        assertThatThrownBy(() -> plans.delete(office, id, 2)).hasMessage("plan.error.deleteNotDraft");
        plans.changeStatus(office, id, PlanStatus.CLOSED, 2);
        assertThatThrownBy(() -> plans.update(office, id, data("已结束后修改"), 3)).hasMessage("plan.error.closed");
        assertThatThrownBy(() -> tasks.create(office, id, task(null, "一、", "结束后新增", List.of(), List.of())))
                .hasMessage("plan.error.closed");
        plans.changeStatus(office, id, PlanStatus.IN_FORCE, 3);
        assertThat(audits("plan", id, "STATUS")).isEqualTo(3);
        assertThat(reads.get(office, id).status()).isEqualTo(PlanStatus.IN_FORCE);
    }

    @Test
    void tasksFormATreeWithNumberingPathsMovesAndStableUnitLinks() {
        long id = plans.create(office, data("任务树测试"));
        long kexie = world.unitId("县科协");
        long edu = world.unitId("县教科体局");
        long youth = world.unitId("团县委");
        long one = tasks.create(office, id, task(null, "一、", "第一部分", List.of(), List.of()));
        long two = tasks.create(office, id, task(null, "二、", "第二部分", List.of(), List.of()));
        long twoOne = tasks.create(office, id, task(two, "（一）", "第二部分第一节", List.of(edu), List.of()));
        long leaf = tasks.create(office, id, task(twoOne, "1．", "一项具体任务", List.of(edu), List.of(kexie, youth)));

        List<PlanTask> flat = reads.tasks(office, id);
        assertThat(flat).extracting(PlanTask::numberingPath).containsExactly("一、", "二、", "二（一）", "二（一）1．");
        PlanTask l = flat.get(3);
        assertThat(l.depth()).isEqualTo(2);
        assertThat(l.leadUnits()).extracting(TaskUnit::unitId).containsExactly(edu);
        assertThat(l.cooperatingUnits()).extracting(TaskUnit::displayName).containsExactly("县科协", "团县委");
        long kexieLink = l.cooperatingUnits().get(0).id();

        // Make 县科协 lead, drop 团县委, keep 县教科体局 cooperating: the 县科协 link keeps its id.
        tasks.update(office, id, leaf, task(twoOne, "1．", "一项具体任务（改）", List.of(kexie), List.of(edu)), 0);
        PlanTask changed = reads.findTask(office, id, leaf).orElseThrow();
        assertThat(changed.leadUnits()).extracting(TaskUnit::id).containsExactly(kexieLink);
        assertThat(changed.cooperatingUnits()).extracting(TaskUnit::unitId).containsExactly(edu);
        assertThat(changed.units()).extracting(TaskUnit::role).containsExactly(ActionRole.LEAD, ActionRole.COOPERATING);
        assertThatThrownBy(() -> tasks.update(office, id, leaf, task(twoOne, "1．", "过期", List.of(), List.of()), 0))
                .isInstanceOf(ConflictException.class);
        assertThat(audits("plan_task", leaf, "UPDATE")).isEqualTo(1);

        // A task cannot go under itself or below itself; another plan's task is no parent either.
        assertThatThrownBy(() -> tasks.update(office, id, two, task(leaf, "二、", "第二部分", List.of(), List.of()), 0))
                .hasMessage("task.error.parentCycle");
        long otherPlan = plans.create(office, data("另一个规划"));
        assertThatThrownBy(() -> tasks.create(office, otherPlan, task(one, "1．", "挂错", List.of(), List.of())))
                .hasMessage("task.error.parent");
        long otherCountyUnit = jdbc.sql("select id from member_unit where division_code = :c and name = '县科协'")
                .param("c", PlanTestWorld.OTHER_COUNTY).query(Long.class).single();
        assertThatThrownBy(() -> tasks.create(office, id, task(null, "三、", "别县单位", List.of(otherCountyUnit),
                List.of()))).hasMessage("task.error.unit");

        tasks.move(office, id, two, true);
        assertThat(reads.tree(office, id)).extracting(PlanTask::title).containsExactly("第二部分", "第一部分");
        // Moving (一) to the top level puts it last there.
        tasks.update(office, id, twoOne, task(null, "三、", "第二部分第一节", List.of(edu), List.of()), 0);
        assertThat(reads.tree(office, id)).extracting(PlanTask::numberingPath).containsExactly("二、", "一、", "三、");

        tasks.delete(office, id, twoOne, 1);
        assertThat(reads.tasks(office, id)).extracting(PlanTask::id).containsExactlyInAnyOrder(one, two);
        assertThat(jdbc.sql("select count(*) from plan_task_unit where task_id = :t").param("t", leaf)
                .query(Long.class).single()).isZero();
        assertThat(audits("plan_task", twoOne, "DELETE")).isEqualTo(1);
    }

    @Test
    void othersCannotSeeOrChangePlansOutsideTheirScope() {
        long id = plans.create(office, data("范围测试规划"));
        long taskId = tasks.create(office, id, task(null, "一、", "范围测试任务", List.of(world.unitId("县科协")),
                List.of()));
        CurrentUser township = world.user("plan-cmd-township", Role.TOWNSHIP_ADMIN, PlanTestWorld.TOWNSHIP);
        CurrentUser otherCounty = world.user("plan-cmd-other", Role.OFFICE_ADMIN, PlanTestWorld.OTHER_COUNTY);
        CurrentUser leader = world.user("plan-cmd-leader", Role.LEADER, PlanTestWorld.COUNTY);
        CurrentUser liaison = world.user("plan-cmd-liaison", Role.UNIT_LIAISON, "县科协");
        CurrentUser sys = world.user("plan-cmd-sys", Role.SYS_ADMIN, null);

        for (CurrentUser u : List.of(township, otherCounty, sys)) {
            assertThatThrownBy(() -> reads.get(u, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> reads.tree(u, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> plans.update(u, id, data("越权修改"), 0)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> tasks.delete(u, id, taskId, 0)).isInstanceOf(ForbiddenException.class);
            assertThat(reads.list(u, PlanService.Filter.none(), 1, 200).rows()).extracting(PlanSummary::id)
                    .doesNotContain(id);
        }
        // Drafts are the office's: leaders and liaisons see the plan once it is in force, and only read it.
        assertThatThrownBy(() -> reads.get(leader, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reads.get(liaison, id)).isInstanceOf(NotFoundException.class);
        plans.changeStatus(office, id, PlanStatus.IN_FORCE, 0);
        assertThat(reads.get(leader, id).title()).isEqualTo("范围测试规划");
        assertThat(reads.tree(liaison, id)).hasSize(1);
        assertThatThrownBy(() -> plans.changeStatus(leader, id, PlanStatus.CLOSED, 1))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tasks.create(liaison, id, task(null, "二、", "联络员新增", List.of(), List.of())))
                .isInstanceOf(ForbiddenException.class);
        // An office admin of a township may not place a plan at the county.
        CurrentUser townshipOffice = world.user("plan-cmd-township-office", Role.OFFICE_ADMIN, PlanTestWorld.TOWNSHIP);
        assertThatThrownBy(() -> plans.create(townshipOffice, data("越级规划")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(plans.create(townshipOffice, new PlanData(PlanKind.SPECIAL_PLAN, "测试镇科技活动周方案", 2024, 2024,
                null, null, null, PlanTestWorld.TOWNSHIP))).isPositive();
    }
}
