package org.kepu.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.plan.PlanTestWorld;
import org.kepu.plan.importing.PlanImportService;
import org.kepu.plan.importing.Preview;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Binding a task's target proposal to an indicator: the target, the status on the task, scope, unbinding. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class TargetBindingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanImportService imports;

    PlanTestWorld world;
    CurrentUser office;
    long planId;
    long taskId;
    long proposalId;
    long farmerTraining;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        world = new PlanTestWorld(jdbc).ensure();
        office = world.user("plan-bind-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
        String url = mvc.perform(post("/plans").param("kind", "IMPLEMENTATION_PLAN").param("title", "绑定测试实施方案")
                        .param("periodStart", "2091").param("periodEnd", "2093").param("documentNumber", "测府办字〔2091〕1号")
                        .param("divisionCode", PlanTestWorld.COUNTY).with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        planId = Long.parseLong(url.replace("/plans/", ""));
        created.add(planId);
        mvc.perform(post("/plans/" + planId + "/tasks").param("numbering", "（三）").param("title", "加强农民科学素质培训")
                        .param("role-" + world.unitId("县科协"), "LEAD").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        taskId = jdbc.sql("select id from plan_task where plan_id = :p").param("p", planId).query(Long.class).single();
        proposalId = jdbc.sql("""
                insert into plan_task_target (task_id, subject, quantity, unit_of_measure, comparator, deadline_year,
                                              sentence)
                values (:t, '农民教育培训', 5000, '人次', 'AT_LEAST', 2093, '每年开展农民教育培训5000人次以上。')
                returning id
                """).param("t", taskId).query(Long.class).single();
        farmerTraining = jdbc.sql("select id from indicator where code = 'farmer_training'").query(Long.class).single();
    }

    /** Other plan tests count the units' tasks across plans: leave no plan behind. */
    @AfterEach
    void removePlans() {
        created.forEach(id -> jdbc.sql("delete from plan where id = :id").param("id", id).update());
    }

    private String bindUrl() {
        return "/plans/" + planId + "/tasks/" + taskId + "/targets/" + proposalId + "/bind";
    }

    private Long boundTargetId() {
        return jdbc.sql("select bound_target_id from plan_task_target where id = :id").param("id", proposalId)
                .query(Long.class).optional().orElse(null);
    }

    private void bind() throws Exception {
        mvc.perform(post(bindUrl()).param("indicatorId", String.valueOf(farmerTraining)).param("comparator", "AT_LEAST")
                        .param("value", "5000").param("deadline", "2093-12-31").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void officeBindsAProposalAndTheTaskShowsTheTargetAndItsStatus() throws Exception {
        mvc.perform(get("/plans/" + planId).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString(bindUrl())))
                .andExpect(content().string(containsString("绑定指标")));
        mvc.perform(get(bindUrl()).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"value\" class=\"form-control\" inputmode=\"decimal\" value=\"5000\"")))
                .andExpect(content().string(containsString("value=\"2093-12-31\"")))
                .andExpect(content().string(containsString("<option value=\"AT_LEAST\" selected>")))
                .andExpect(content().string(containsString("农民教育培训人次")));

        mvc.perform(post(bindUrl()).param("indicatorId", "").param("comparator", "AT_LEAST").param("value", "5000")
                        .param("deadline", "2093-12-31").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请选择指标")));
        mvc.perform(post(bindUrl()).param("indicatorId", String.valueOf(farmerTraining)).param("comparator", "AT_LEAST")
                        .param("value", "五千").param("deadline", "2093-12-31").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("目标值必须是数字")));
        assertThat(boundTargetId()).isNull();

        bind();
        Long targetId = boundTargetId();
        assertThat(targetId).isNotNull();
        Map<String, Object> t = jdbc.sql("""
                select indicator_id, division_code, comparator, target_value, deadline, source_note
                from indicator_target where id = :id
                """).param("id", targetId).query().singleRow();
        assertThat(((Number) t.get("indicator_id")).longValue()).isEqualTo(farmerTraining);
        assertThat(t.get("division_code")).isEqualTo(PlanTestWorld.COUNTY);
        assertThat(t.get("comparator")).isEqualTo("AT_LEAST");
        assertThat((BigDecimal) t.get("target_value")).isEqualByComparingTo("5000");
        assertThat(t.get("deadline").toString()).isEqualTo(LocalDate.of(2093, 12, 31).toString());
        assertThat((String) t.get("source_note")).contains("测府办字〔2091〕1号").contains("（三）").contains("农民教育培训");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'plan_task_target' and action = 'BIND'"
                        + " and entity_id = :id").param("id", String.valueOf(proposalId)).query(Long.class).single())
                .isEqualTo(1L);

        mvc.perform(get("/plans/" + planId).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/indicators/" + farmerTraining + "\"")))
                .andExpect(content().string(containsString("data-status=\"BEHIND\"")))
                .andExpect(content().string(containsString("解除绑定")))
                .andExpect(content().string(not(containsString(bindUrl()))));

        // bound already: a second binding is a conflict and creates no second target
        long before = jdbc.sql("select count(*) from indicator_target").query(Long.class).single();
        mvc.perform(post(bindUrl()).param("indicatorId", String.valueOf(farmerTraining)).param("comparator", "AT_LEAST")
                        .param("value", "5000").param("deadline", "2093-12-31").with(csrf()).with(as(office)))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from indicator_target").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void recordedActivitiesChangeTheStatusShownOnTheTask() throws Exception {
        bind();
        mvc.perform(get("/plans/" + planId).with(as(office)))
                .andExpect(content().string(containsString("data-status=\"BEHIND\"")));
        OffsetDateTime start = OffsetDateTime.parse("2093-06-01T09:00+08:00");
        jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                        division_path, participants_onsite, participants_online, materials_count, volunteers_count,
                        status)
                values ('plan-bind-training', 'OTHER', 'TRAINING', cast('{FARMER}' as varchar(20)[]), :start, :end,
                        :code, :path, 5200, 0, 0, 0, 'VERIFIED')
                """).param("start", start).param("end", start.plusHours(2)).param("code", PlanTestWorld.COUNTY)
                .param("path", PlanTestWorld.COUNTY_PATH).update();
        try {
            mvc.perform(get("/plans/" + planId).with(as(office)))
                    .andExpect(content().string(containsString("data-status=\"ACHIEVED\"")))
                    .andExpect(content().string(containsString("5,200")));
        } finally {
            jdbc.sql("delete from activity where title = 'plan-bind-training'").update();
        }
    }

    @Test
    void onlyTheOfficeOfThePlanMayBind() throws Exception {
        CurrentUser otherCounty = world.user("plan-bind-other", Role.OFFICE_ADMIN, PlanTestWorld.OTHER_COUNTY);
        CurrentUser leader = world.user("plan-bind-leader", Role.LEADER, PlanTestWorld.COUNTY);
        mvc.perform(get(bindUrl()).with(as(otherCounty))).andExpect(status().isNotFound());
        mvc.perform(post(bindUrl()).param("indicatorId", String.valueOf(farmerTraining)).param("comparator", "AT_LEAST")
                        .param("value", "5000").param("deadline", "2093-12-31").with(csrf()).with(as(otherCounty)))
                .andExpect(status().isForbidden());
        // the plan in force: the county's leader reads it, sees the status but no binding actions
        int version = jdbc.sql("select version from plan where id = :id").param("id", planId).query(Integer.class).single();
        mvc.perform(post("/plans/" + planId + "/status").param("status", "IN_FORCE").param("version", String.valueOf(version))
                .with(csrf()).with(as(office))).andExpect(status().is3xxRedirection());
        bind();
        mvc.perform(get("/plans/" + planId).with(as(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-status=")))
                .andExpect(content().string(not(containsString("解除绑定"))));
        mvc.perform(get(bindUrl()).with(as(leader))).andExpect(status().isForbidden());
        mvc.perform(post("/plans/" + planId + "/tasks/" + taskId + "/targets/" + proposalId + "/unbind")
                        .param("targetId", String.valueOf(boundTargetId())).with(csrf()).with(as(leader)))
                .andExpect(status().isForbidden());
        assertThat(boundTargetId()).isNotNull();
    }

    @Test
    void unbindingClearsTheBindingAndKeepsTheTarget() throws Exception {
        bind();
        long targetId = boundTargetId();
        String unbind = "/plans/" + planId + "/tasks/" + taskId + "/targets/" + proposalId + "/unbind";
        mvc.perform(post(unbind).param("targetId", String.valueOf(targetId + 1000)).with(csrf()).with(as(office)))
                .andExpect(status().isConflict());
        assertThat(boundTargetId()).isEqualTo(targetId);
        mvc.perform(post(unbind).param("targetId", String.valueOf(targetId)).with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        assertThat(boundTargetId()).isNull();
        assertThat(jdbc.sql("select count(*) from indicator_target where id = :id").param("id", targetId)
                .query(Long.class).single()).isEqualTo(1L);
        mvc.perform(get("/plans/" + planId).with(as(office)))
                .andExpect(content().string(containsString(bindUrl())));
        // a proposal of another plan's task is not found through this plan
        mvc.perform(get("/plans/" + planId + "/tasks/" + taskId + "/targets/" + (proposalId + 100000) + "/bind")
                .with(as(office))).andExpect(status().isNotFound());
    }

    @Test
    void aProposalOfTheImportedSeed004PlanIsBoundWithTheValuesReadFromTheText() throws Exception {
        long draft = imports.start(office, "004.txt", PlanTestWorld.seed("004"));
        Preview p = imports.preview(office, draft);
        long plan = imports.save(office, draft, p.version()).planId();
        created.add(plan);
        Map<String, Object> g = jdbc.sql("""
                select g.id, g.task_id from plan_task_target g join plan_task t on t.id = g.task_id
                where t.plan_id = :p and g.subject = '农民教育培训' and g.quantity = 5000
                """).param("p", plan).query().singleRow();
        long proposal = ((Number) g.get("id")).longValue();
        long task = ((Number) g.get("task_id")).longValue();
        String url = "/plans/" + plan + "/tasks/" + task + "/targets/" + proposal + "/bind";
        mvc.perform(get("/plans/" + plan).with(as(office))).andExpect(content().string(containsString(url)));
        mvc.perform(get(url).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("inputmode=\"decimal\" value=\"5000\"")))
                .andExpect(content().string(containsString("value=\"2025-12-31\"")))
                .andExpect(content().string(containsString("开展农民教育培训5000人次以上")));

        // a value the indicator module refuses: a clear message and nothing written
        long targets = jdbc.sql("select count(*) from indicator_target").query(Long.class).single();
        mvc.perform(post(url).param("indicatorId", String.valueOf(farmerTraining)).param("comparator", "AT_LEAST")
                        .param("value", "1e20").param("deadline", "2025-12-31").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from indicator_target").query(Long.class).single()).isEqualTo(targets);

        mvc.perform(post(url).param("indicatorId", String.valueOf(farmerTraining)).param("comparator", "AT_LEAST")
                        .param("value", "5000").param("deadline", "2025-12-31").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> t = jdbc.sql("""
                select it.division_code, it.comparator, it.target_value, it.deadline, it.source_note
                from plan_task_target g join indicator_target it on it.id = g.bound_target_id where g.id = :id
                """).param("id", proposal).query().singleRow();
        assertThat(t.get("division_code")).isEqualTo(PlanTestWorld.COUNTY);
        assertThat(t.get("comparator")).isEqualTo("AT_LEAST");
        assertThat((BigDecimal) t.get("target_value")).isEqualByComparingTo("5000");
        assertThat(t.get("deadline").toString()).isEqualTo("2025-12-31");
        assertThat((String) t.get("source_note")).startsWith("寻府办字〔2022〕5号");
        mvc.perform(get("/plans/" + plan).with(as(office)))
                .andExpect(content().string(containsString("href=\"/indicators/" + farmerTraining + "\"")))
                .andExpect(content().string(not(containsString(url))));
    }
}
