package org.kepu.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.plan.PlanTestWorld;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The plan pages: list, create/edit with conflicts, tasks with the unit picker, import, responsibilities, scope. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class PlanPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    PlanTestWorld world;
    CurrentUser office;

    @BeforeEach
    void setUp() {
        world = new PlanTestWorld(jdbc).ensure();
        office = world.user("plan-web-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
    }

    private long createPlan(String title) throws Exception {
        String url = mvc.perform(post("/plans").param("kind", "SPECIAL_PLAN").param("title", title)
                        .param("periodStart", "2024").param("periodEnd", "2024").param("issuedOn", "2024-04-10")
                        .param("divisionCode", PlanTestWorld.COUNTY).with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(url.replace("/plans/", ""));
    }

    @Test
    void officeCreatesAPlanAddsTasksWithThePickerAndSeesTheTree() throws Exception {
        long id = createPlan("2024年科技活动周方案（页面测试）");
        mvc.perform(get("/plans").param("kind", "SPECIAL_PLAN").param("year", "2024").with(as(office)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2024年科技活动周方案（页面测试）")));
        mvc.perform(get("/plans").param("kind", "ANNUAL_POINTS").with(as(office)))
                .andExpect(content().string(not(containsString("2024年科技活动周方案（页面测试）"))));
        mvc.perform(post("/plans/" + id + "/edit").param("kind", "SPECIAL_PLAN").param("title", "改名")
                        .param("periodStart", "2024").param("periodEnd", "2023")
                        .param("divisionCode", PlanTestWorld.COUNTY).param("version", "0").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("「截止年份」不能早于「起始年份」")));
        mvc.perform(post("/plans/" + id + "/edit").param("kind", "SPECIAL_PLAN").param("title", "改名")
                        .param("divisionCode", PlanTestWorld.COUNTY).param("version", "7").with(csrf()).with(as(office)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("该记录已被他人修改")));

        mvc.perform(get("/plans/" + id + "/tasks/new").with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"role-" + world.unitId("县科协") + "\"")));
        long kexie = world.unitId("县科协");
        long women = world.unitId("县妇联");
        mvc.perform(post("/plans/" + id + "/tasks").param("numbering", "一、").param("title", "举办科技活动周主场活动")
                        .param("keyGroups", "YOUTH").param("role-" + kexie, "LEAD").param("role-" + women, "COOPERATING")
                        .param("deadline", "2024-05-31").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/" + id + "/tasks").param("title", " ").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("「任务名称」不能为空")));
        String page = mvc.perform(get("/plans/" + id).with(as(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("举办科技活动周主场活动", "一、", "/units/" + kexie + "/responsibilities", "县妇联",
                "2024-05-31", "青少年", "发布执行");
        mvc.perform(post("/plans/" + id + "/status").param("status", "IN_FORCE").param("version", "0")
                .with(csrf()).with(as(office))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/units/" + women + "/responsibilities").with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("举办科技活动周主场活动")))
                .andExpect(content().string(containsString("配合")));
    }

    @Test
    void othersGet404OnReadsAnd403OnWrites() throws Exception {
        long id = createPlan("范围页面测试方案");
        CurrentUser township = world.user("plan-web-township", Role.TOWNSHIP_ADMIN, PlanTestWorld.TOWNSHIP);
        CurrentUser other = world.user("plan-web-other", Role.OFFICE_ADMIN, PlanTestWorld.OTHER_COUNTY);
        CurrentUser leader = world.user("plan-web-leader", Role.LEADER, PlanTestWorld.COUNTY);
        for (CurrentUser u : new CurrentUser[] {township, other}) {
            mvc.perform(get("/plans/" + id).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/plans/" + id).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(post("/plans/" + id + "/edit").param("kind", "SPECIAL_PLAN").param("title", "越权")
                    .param("divisionCode", PlanTestWorld.COUNTY).param("version", "0").with(csrf()).with(as(u)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/plans/" + id + "/delete").param("version", "0").with(csrf()).with(as(u)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/plans").with(as(u))).andExpect(content().string(not(containsString("范围页面测试方案"))));
        }
        mvc.perform(get("/plans/" + id).with(as(leader))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/new").with(as(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/plans/import").with(as(leader))).andExpect(status().isForbidden());
        mvc.perform(post("/plans/" + id + "/delete").param("version", "0").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from plan where id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    @Test
    void liaisonsSeeTheirOwnResponsibilityList() throws Exception {
        CurrentUser liaison = world.user("plan-web-liaison", Role.UNIT_LIAISON, "县妇联");
        long women = world.unitId("县妇联");
        mvc.perform(get("/responsibilities").with(as(liaison)))
                .andExpect(redirectedUrl("/units/" + women + "/responsibilities"));
        mvc.perform(get("/units/" + women + "/responsibilities").with(as(liaison))).andExpect(status().isOk())
                .andExpect(content().string(containsString("县妇联责任清单")));
        mvc.perform(get("/units/" + world.unitId("县科协") + "/responsibilities").with(as(liaison)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/" + world.unitId("县科协") + "/responsibilities").with(as(liaison)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responsibilities").with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/units/" + women + "/responsibilities")));
    }

    @Test
    void importPastesPreviewsResolvesAndSaves() throws Exception {
        String url = mvc.perform(post("/plans/import").param("text", PlanTestWorld.seed("004")).with(csrf())
                .with(as(office))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(url).matches("/plans/import/\\d+");
        String preview = mvc.perform(get(url).with(as(office))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("寻府办字〔2022〕5号", "县社联", "未匹配到成员单位", "经别名“县科创中心”对应“县科技创新中心”",
                "实施青少年科学素质提升行动");
        int index = nameIndex(preview, "县社联");
        String version = value(preview, "version");
        String saved = mvc.perform(post(url + "/save").param("version", version).param("kind", "IMPLEMENTATION_PLAN")
                        .param("title", "寻乌县全民科学素质行动规划纲要实施方案（2021—2025年）（页面导入）")
                        .param("periodStart", "2021").param("periodEnd", "2025").param("issuedOn", "2022-01-21")
                        .param("documentNumber", "寻府办字〔2022〕5号").param("divisionCode", PlanTestWorld.COUNTY)
                        .param("status", "DRAFT").param("action-" + index, "UNIT")
                        .param("unit-" + index, String.valueOf(world.unitId("县委宣传部")))
                        .with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).matches("/plans/\\d+");
        long planId = Long.parseLong(saved.replace("/plans/", ""));
        assertThat(jdbc.sql("select count(*) from plan_task_unit l join plan_task t on t.id = l.task_id"
                + " where t.plan_id = :p and l.written_name = '县社联' and l.unit_id = :u").param("p", planId)
                .param("u", world.unitId("县委宣传部")).query(Long.class).single()).isPositive();
        mvc.perform(get(saved).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("（页面导入）")));
        mvc.perform(get(url).with(as(office))).andExpect(status().isNotFound());

        // An upload of the same text as a .txt in GB18030 reaches the same preview.
        var file = new MockMultipartFile("file", "忠县要点.txt", "text/plain",
                PlanTestWorld.seed("003").getBytes(java.nio.charset.Charset.forName("GB18030")));
        String upload = mvc.perform(multipart("/plans/import").file(file).with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(upload).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("忠科普联办〔2024〕2号")));
        mvc.perform(post("/plans/import").param("text", "").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请粘贴正文或选择文件")));
        var bad = new MockMultipartFile("file", "old.doc", "application/msword",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3});
        mvc.perform(multipart("/plans/import").file(bad).with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString(".docx")));
    }

    private static int nameIndex(String html, String name) {
        Matcher m = Pattern.compile("id=\"name-(\\d+)\">\\s*<div[^>]*>\\s*<span class=\"fw-semibold\">" + name + "<")
                .matcher(html);
        assertThat(m.find()).as("row of " + name).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
