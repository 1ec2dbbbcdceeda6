package org.kepu.plan.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.plan.Quarter;
import org.kepu.plan.ReportState;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.TaskCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The progress pages: the unit's form and list, the office's queue, status, matrix, task page, CSV, and scope. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class ProgressPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;
    @Autowired
    ReportReads reads;

    ProgressWorld w;
    String tag;

    @BeforeEach
    void setUp() {
        tag = "pp" + System.nanoTime() % 1_000_000;
        w = new ProgressWorld(jdbc, plans, tasks, tag);
    }

    @Test
    void unitWritesAndSubmitsOfficeReturnsAndAcceptsEveryPageShowsIt() throws Exception {
        String form = "/progress/tasks/" + w.task1 + "/2024Q1";
        mvc.perform(get("/progress/my").param("quarter", "2024Q1").with(as(w.kexieLiaison))).andExpect(status().isOk())
                .andExpect(content().string(containsString("开展青少年科技教育（" + tag + "）")))
                .andExpect(content().string(containsString("逾期")));
        mvc.perform(get(form).with(as(w.kexieLiaison))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"figLabel\"")));
        // Missing text on submit: 400 with the message, nothing saved.
        mvc.perform(post(form).param("progress", "ON_TRACK").param("body", " ").param("action", "submit")
                        .with(csrf()).with(as(w.kexieLiaison)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写「进展情况」后再报送")));
        mvc.perform(post(form).param("progress", "ON_TRACK").param("body", "举办讲座三场")
                        .param("figLabel", "举办讲座", "").param("figQty", "3", "").param("figUnit", "场", "")
                        .param("action", "save").with(csrf()).with(as(w.kexieLiaison)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(form));
        ProgressReport draft = reads.find(w.task1, w.kexie, new Quarter(2024, 1)).orElseThrow();
        assertThat(draft.figures()).hasSize(1);
        // A stale version: 409 with the conflict message.
        mvc.perform(post(form).param("progress", "BEHIND").param("body", "改").param("version", "5")
                        .param("action", "save").with(csrf()).with(as(w.kexieLiaison)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("该记录已被他人修改")));
        mvc.perform(post(form).param("progress", "ON_TRACK").param("body", "举办讲座三场").param("version", "0")
                        .param("action", "submit").with(csrf()).with(as(w.kexieLiaison)))
                .andExpect(status().is3xxRedirection());
        long id = draft.id();

        // Another unit cannot open it; the township sees no report page; the leader cannot review.
        mvc.perform(get("/progress/reports/" + id).with(as(w.eduLiaison))).andExpect(status().isNotFound());
        mvc.perform(get("/progress/reports/" + id).with(as(w.township))).andExpect(status().isNotFound());
        mvc.perform(post("/progress/reports/" + id + "/accept").param("version", "2").with(csrf()).with(as(w.leader)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/progress/reports/" + id + "/submit").param("version", "2").with(csrf())
                .with(as(w.eduLiaison))).andExpect(status().isForbidden());
        mvc.perform(get("/progress/review").with(as(w.leader))).andExpect(status().isForbidden());

        mvc.perform(get("/progress/review").with(as(w.office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/progress/reports/" + id + "/accept")));
        mvc.perform(post("/progress/reports/" + id + "/return").param("version", "2").param("reason", "请补充人数")
                .param("next", "queue").with(csrf()).with(as(w.office)))
                .andExpect(redirectedUrl("/progress/review"));
        mvc.perform(get("/progress/my").param("quarter", "2024Q1").with(as(w.kexieLiaison)))
                .andExpect(content().string(containsString("请补充人数")));
        mvc.perform(post(form).param("progress", "ON_TRACK").param("body", "举办讲座三场，共 200 人").param("version", "3")
                        .param("action", "submit").with(csrf()).with(as(w.kexieLiaison)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/progress/reports/" + id + "/accept").param("version", "5").with(csrf()).with(as(w.office)))
                .andExpect(redirectedUrl("/progress/reports/" + id));
        assertThat(reads.get(w.office, id).state()).isEqualTo(ReportState.ACCEPTED);
        mvc.perform(get("/progress/reports/" + id).with(as(w.leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("举办讲座三场，共 200 人")))
                .andExpect(content().string(containsString("已通过")))
                .andExpect(content().string(not(containsString("/accept"))));

        // Task page, status page, matrix, CSV.
        mvc.perform(get("/plans/" + w.planId + "/tasks/" + w.task1 + "/progress").with(as(w.office)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/progress/reports/" + id)));
        mvc.perform(get("/progress/status").param("plan", String.valueOf(w.planId)).param("quarter", "2024Q1")
                        .with(as(w.office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-unit=\"" + w.edu + "\"")))
                .andExpect(content().string(containsString("0/2 个单位已报齐")))
                .andExpect(content().string(containsString("已报送 1/4 项")));
        mvc.perform(get("/progress/matrix").param("plan", String.valueOf(w.planId)).param("quarter", "2024Q1")
                        .with(as(w.leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/progress/reports/" + id)))
                .andExpect(content().string(containsString("data-status=\"ON_TRACK\"")));
        String csv = mvc.perform(get("/progress/status.csv").param("plan", String.valueOf(w.planId))
                        .param("quarter", "2024Q1").with(as(w.office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("\"县科协\",2,1,0,0,0,1,").contains("\"县教科体局\",2,0,0,0,0,2,逾期");
        // The plan page marks task 2 (deadline 2024-05-31, not reported done) overdue, task 1 (no deadline) not.
        mvc.perform(get("/plans/" + w.planId).with(as(w.leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-overdue-task=\"" + w.task2 + "\"")))
                .andExpect(content().string(not(containsString("data-overdue-task=\"" + w.task1 + "\""))))
                .andExpect(content().string(containsString("/plans/" + w.planId + "/tasks/" + w.task1 + "/progress")));
        // Without a plan in the URL the pages show the first plan in force the caller sees.
        mvc.perform(get("/progress/status").with(as(w.office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"status-table\"")));
        mvc.perform(get("/progress/matrix").with(as(w.kexieLiaison))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"matrix-legend\"")));
        mvc.perform(get("/progress/status").with(as(w.township))).andExpect(status().isOk());
        mvc.perform(get("/progress/matrix").param("plan", String.valueOf(w.planId)).with(as(w.township)))
                .andExpect(status().isNotFound());
    }

    @Test
    void unitWritesItsAnnualReportAndTheOfficeSeesWhoHasNot() throws Exception {
        mvc.perform(get("/progress/annual/my").param("year", "2024").with(as(w.eduLiaison))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2024年度落实情况报告")));
        String url = mvc.perform(post("/progress/annual/my").param("year", "2024").param("body", "全年开展科普活动 40 场")
                        .param("action", "submit").with(csrf()).with(as(w.eduLiaison)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(url).matches("/progress/annual/\\d+");
        mvc.perform(get(url).with(as(w.kexieLiaison))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(as(w.office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("全年开展科普活动 40 场")));
        mvc.perform(get("/progress/annual").param("year", "2024").with(as(w.office))).andExpect(status().isOk())
                .andExpect(content().string(containsString(url)));
        mvc.perform(post("/progress/annual/my").param("year", "2024").param("body", "x").with(csrf())
                .with(as(w.leader))).andExpect(status().isForbidden());
    }
}
