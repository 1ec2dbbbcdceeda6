package org.kepu.plan.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** /api/v1/plans, …/tasks and /api/v1/units/{id}/responsibilities with the pages' scope rules. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class PlanApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;

    PlanTestWorld world;
    CurrentUser office;
    long planId;
    long leafId;

    @BeforeEach
    void setUp() {
        world = new PlanTestWorld(jdbc).ensure();
        office = world.user("plan-api-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
        planId = plans.create(office, new PlanData(PlanKind.ANNUAL_POINTS, "接口测试要点", 2030, 2030, null, null, null,
                PlanTestWorld.COUNTY));
        long top = tasks.create(office, planId, new TaskData(null, "一、", "注重政治引领", null, null, Set.of(),
                List.of(), List.of(), Set.of()));
        leafId = tasks.create(office, planId, new TaskData(top, "1.", "强化科普价值导向", "正文", null,
                Set.of(KeyGroup.CADRE), List.of(world.unitId("县委宣传部")), List.of(world.unitId("县科协")), Set.of()));
        plans.changeStatus(office, planId, PlanStatus.IN_FORCE, 0);
    }

    @Test
    void plansTasksAndResponsibilitiesOverJson() throws Exception {
        mvc.perform(get("/api/v1/plans").param("year", "2030").param("kind", "ANNUAL_POINTS").with(as(office)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem((int) planId)));
        mvc.perform(get("/api/v1/plans").param("year", "二〇三〇").with(as(office))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/plans").param("status", "OPEN").with(as(office)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/plans/" + planId).with(as(office))).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.title").value("接口测试要点"))
                .andExpect(jsonPath("$.tasks[0].numbering").value("一、"))
                .andExpect(jsonPath("$.tasks[0].children[0].numberingPath").value("一1."))
                .andExpect(jsonPath("$.tasks[0].children[0].leadUnits[0].name").value("县委宣传部"))
                .andExpect(jsonPath("$.tasks[0].children[0].keyGroups[0]").value("CADRE"));
        mvc.perform(get("/api/v1/plans/" + planId + "/tasks").with(as(office))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].id").value((int) leafId))
                .andExpect(jsonPath("$[1].depth").value(1))
                .andExpect(jsonPath("$[1].cooperatingUnits[0].name").value("县科协"));
        CurrentUser liaison = world.user("plan-api-liaison", Role.UNIT_LIAISON, "县委宣传部");
        mvc.perform(get("/api/v1/units/" + world.unitId("县委宣传部") + "/responsibilities").with(as(liaison)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unitName").value("县委宣传部"))
                .andExpect(jsonPath("$.plans[*].plan.id", hasItem((int) planId)))
                .andExpect(jsonPath("$.plans[?(@.plan.id == " + planId + ")].items[0].role").value("LEAD"));
        mvc.perform(get("/api/v1/plans/" + planId).with(as(liaison))).andExpect(status().isOk());
    }

    @Test
    void otherDivisionsSeeNothing() throws Exception {
        CurrentUser township = world.user("plan-api-township", Role.TOWNSHIP_ADMIN, PlanTestWorld.TOWNSHIP);
        CurrentUser other = world.user("plan-api-other", Role.OFFICE_ADMIN, PlanTestWorld.OTHER_COUNTY);
        for (CurrentUser u : new CurrentUser[] {township, other}) {
            mvc.perform(get("/api/v1/plans/" + planId).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/plans/" + planId + "/tasks").with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/plans").with(as(u))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].id", not(hasItem((int) planId))));
        }
        mvc.perform(get("/api/v1/units/" + world.unitId("县科协") + "/responsibilities").with(as(other)))
                .andExpect(status().isNotFound());
    }
}
