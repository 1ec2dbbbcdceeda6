package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.activity.ActivityTestSupport.as;
import static org.kepu.activity.ActivityTestSupport.input;
import static org.kepu.activity.ActivityTestSupport.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class ActivityPagesTest {

    @Autowired
    ActivityService activities;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    CurrentUser recorder;
    CurrentUser admin;
    CurrentUser office;

    @BeforeEach
    void setUp() {
        TestFixtures fx = new TestFixtures(jdbc).ensure();
        recorder = fx.user("page-recorder", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        admin = fx.user("page-admin-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        office = fx.user("page-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
    }

    @Test
    void listIsAFullPageOrAnHtmxFragment() throws Exception {
        Activity a = as(recorder, () -> activities.create(input(unique("列表"), TestFixtures.VILLAGE_A1)));
        String page = body(mvc.perform(get("/activities").param("q", a.title()).with(TestFixtures.as(admin))));
        assertThat(page).contains("<html").contains(a.title()).contains("hx-push-url=\"true\"")
                .contains("name=\"keyGroup\"");
        String fragment = body(mvc.perform(get("/activities").param("q", a.title()).header("HX-Request", "true")
                .with(TestFixtures.as(admin))));
        assertThat(fragment).doesNotContain("<html").startsWith("<div id=\"activity-table\">").contains(a.title())
                .contains("共 1 条");
        assertThat(fragment).contains("sort=title&amp;dir=asc");
    }

    @Test
    void filterFormShowsTheChosenValuesSelected() throws Exception {
        String none = body(mvc.perform(get("/activities").with(TestFixtures.as(office))));
        assertThat(none).contains("<option value=\"" + TestFixtures.TOWNSHIP_A + "\">")
                .contains("<option value=\"" + TestFixtures.VILLAGE_A1 + "\">　")
                .doesNotContain("\" selected>");
        String chosen = body(mvc.perform(get("/activities").param("division", TestFixtures.VILLAGE_A1)
                .param("theme", "NATIONAL_SCIENCE_DAY").param("format", "LECTURE").with(TestFixtures.as(office))));
        assertThat(chosen).contains("<option value=\"" + TestFixtures.VILLAGE_A1 + "\" selected>　")
                .contains("<option value=\"NATIONAL_SCIENCE_DAY\" selected>").contains("<option value=\"LECTURE\" selected>")
                .contains("<option value=\"" + TestFixtures.TOWNSHIP_A + "\">");
        assertThat(chosen.split("\" selected>", -1)).hasSize(4);
    }

    @Test
    void createSubmitVerifyThroughTheForms() throws Exception {
        String title = unique("表单");
        String location = mvc.perform(post("/activities").with(TestFixtures.as(recorder)).with(csrf())
                        .param("title", title).param("theme", "SCIENCE_LECTURE_HALL").param("format", "LECTURE")
                        .param("keyGroups", "ELDERLY", "FARMER").param("startsAt", "2026-03-01T09:00")
                        .param("endsAt", "2026-03-01T11:00").param("division", TestFixtures.VILLAGE_A1)
                        .param("participantsOnsite", "80").param("participantsOnline", "")
                        .param("materialsCount", "100").param("volunteersCount", "5"))
                .andExpect(redirectedUrlPattern("/activities/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String detail = body(mvc.perform(get("/activities/" + id).with(TestFixtures.as(recorder))));
        assertThat(detail).contains(title).contains("草稿").contains("提交审核");
        mvc.perform(post("/activities/" + id + "/submit").param("version", "0").with(TestFixtures.as(recorder))
                .with(csrf())).andExpect(status().is3xxRedirection());
        String review = body(mvc.perform(get("/activities/" + id).with(TestFixtures.as(admin))));
        assertThat(review).contains("审核通过").contains("退回修改");
        mvc.perform(post("/activities/" + id + "/verify").param("version", "1").with(TestFixtures.as(admin))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(as(admin, () -> activities.get(id)).status()).isEqualTo(ActivityStatus.VERIFIED);
    }

    @Test
    void badInputIsShownBackInChinese() throws Exception {
        String html = mvc.perform(post("/activities").with(TestFixtures.as(recorder)).with(csrf())
                        .param("title", "").param("theme", "SCI_TECH_WEEK").param("format", "LECTURE")
                        .param("keyGroups", "YOUTH").param("startsAt", "2026-03-01T09:00")
                        .param("endsAt", "2026-03-01T11:00").param("division", TestFixtures.VILLAGE_A1)
                        .param("participantsOnsite", "约200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("现场参与人数：应为不小于 0 的整数。").contains("value=\"约200\"");
    }

    @Test
    void staleEditShowsTheConflictPageWithAReloadLink() throws Exception {
        Activity a = as(recorder, () -> activities.create(input(unique("冲突"), TestFixtures.VILLAGE_A1)));
        as(admin, () -> activities.update(a.id(), a.version(), input(a.title() + "+", TestFixtures.VILLAGE_A1)));
        String html = mvc.perform(post("/activities/" + a.id()).with(TestFixtures.as(recorder)).with(csrf())
                        .param("version", Integer.toString(a.version())).param("title", "覆盖")
                        .param("theme", "SCI_TECH_WEEK").param("format", "LECTURE").param("keyGroups", "YOUTH")
                        .param("startsAt", "2026-03-01T09:00").param("endsAt", "2026-03-01T11:00")
                        .param("division", TestFixtures.VILLAGE_A1))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("该记录已被他人修改").contains("href=\"/activities/" + a.id() + "/edit\"");
        assertThat(as(recorder, () -> activities.get(a.id())).title()).isEqualTo(a.title() + "+");
    }

    @Test
    void dictionaryIsManagedByTheOfficeOnly() throws Exception {
        mvc.perform(get("/activities/dictionary").with(TestFixtures.as(admin))).andExpect(status().isForbidden());
        String label = unique("科普市集");
        mvc.perform(post("/activities/dictionary/ACTIVITY_THEME").param("label", label)
                .with(TestFixtures.as(office)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(body(mvc.perform(get("/activities/dictionary").with(TestFixtures.as(office))))).contains(label);
        assertThat(body(mvc.perform(get("/activities/new").with(TestFixtures.as(recorder))))).contains(label)
                .contains("type=\"datetime-local\"");
        mvc.perform(post("/activities/dictionary/ACTIVITY_THEME").param("label", label)
                .with(TestFixtures.as(admin)).with(csrf())).andExpect(status().isForbidden());
    }

    private static String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
