package org.kepu.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.organization.internal.UnitCommands;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class UnitWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnitCommands commands;

    @Autowired
    DivisionService divisions;

    TestFixtures fixtures;
    CurrentUser office;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        office = fixtures.user("org-web-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
    }

    @Test
    void officeAdminCreatesEditsAndDeactivatesWithAuditAndConflictCheck() throws Exception {
        var created = mvc.perform(post("/units").param("name", "县测试局甲").param("unitType", "GOVERNMENT")
                        .param("duties", "负责测试。").param("roleFARMER", "LEAD").param("roleCADRE", "COOPERATING")
                        .with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/units/", ""));
        assertThat(audits("CREATE", id)).isEqualTo(1);

        mvc.perform(get("/units/" + id).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("负责测试。")))
                .andExpect(content().string(containsString("牵头部门")));

        mvc.perform(post("/units/" + id + "/edit").param("name", "县测试局甲").param("unitType", "PARTY")
                .param("version", "0").param("roleFARMER", "LEAD").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/units/" + id + "/edit").param("name", "县测试局甲改").param("unitType", "PARTY")
                        .param("version", "0").with(csrf()).with(as(office)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        mvc.perform(post("/units/" + id + "/edit").param("name", " ").param("unitType", "PARTY")
                        .param("version", "1").with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("「单位名称」不能为空")));
        assertThat(jdbc.sql("select name || ':' || unit_type from member_unit where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("县测试局甲:PARTY");
        assertThat(jdbc.sql("select count(*) from member_unit_action_role where unit_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/units/" + id + "/deactivate").param("version", "1").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/units").param("q", "测试局甲").with(as(office)))
                .andExpect(content().string(not(containsString("/units/" + id + "\""))));
        mvc.perform(get("/units").param("q", "测试局甲").param("status", "inactive").with(as(office)))
                .andExpect(content().string(containsString("/units/" + id + "\"")));
        mvc.perform(post("/units/" + id + "/reactivate").param("version", "2").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        assertThat(audits("DEACTIVATE", id)).isEqualTo(1);
        assertThat(audits("REACTIVATE", id)).isEqualTo(1);
    }

    @Test
    void unitsAreScopedAndOthersCannotChangeThem() throws Exception {
        long mine = UnitTestSupport.countyUnit(commands, divisions, "县测试局乙");
        long other = UnitTestSupport.countyUnit(commands, divisions, "县测试局丙");
        jdbc.sql("insert into app_user (username, display_name, password_hash, role, unit_id, must_change_password)"
                + " values ('org-web-liaison-yi', '联络员乙', '{noop}x', 'UNIT_LIAISON', :u, false)"
                + " on conflict (username) do nothing").param("u", mine).update();
        long userId = jdbc.sql("select id from app_user where username = 'org-web-liaison-yi'").query(Long.class)
                .single();
        CurrentUser liaison = new CurrentUser(userId, "org-web-liaison-yi", "联络员乙", Role.UNIT_LIAISON,
                org.kepu.shared.Scope.unit(mine, TestFixtures.COUNTY_PATH));
        CurrentUser townshipB = fixtures.user("org-web-office-b", Role.OFFICE_ADMIN, TestFixtures.TOWNSHIP_B);
        CurrentUser townshipA = fixtures.user("org-web-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        CurrentUser sys = fixtures.user("org-web-sys", Role.SYS_ADMIN, null);

        mvc.perform(get("/units/" + other).with(as(liaison))).andExpect(status().isNotFound());
        mvc.perform(post("/units/" + other + "/liaisons").param("name", "张三").with(csrf()).with(as(liaison)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/units/" + other + "/edit").param("name", "改名").param("unitType", "PARTY")
                .param("version", "0").with(csrf()).with(as(liaison))).andExpect(status().isForbidden());
        mvc.perform(post("/units/" + mine + "/edit").param("name", "改名").param("unitType", "PARTY")
                .param("version", "0").with(csrf()).with(as(liaison))).andExpect(status().isForbidden());
        mvc.perform(post("/units/" + mine + "/edit").param("name", "改名").param("unitType", "PARTY")
                .param("version", "0").with(csrf()).with(as(townshipB))).andExpect(status().isForbidden());
        mvc.perform(post("/units/" + mine + "/deactivate").param("version", "0").with(csrf()).with(as(townshipA)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/units/" + mine).with(as(sys))).andExpect(status().isNotFound());

        mvc.perform(get("/units").with(as(liaison))).andExpect(status().isOk())
                .andExpect(content().string(containsString("县测试局乙")))
                .andExpect(content().string(not(containsString("县测试局丙"))));
        mvc.perform(get("/units").param("q", "县测试局").with(as(townshipA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("县测试局丙")));

        mvc.perform(post("/units/" + mine + "/liaisons").param("name", "李四").param("post", "办公室主任")
                        .param("phone", "138 1234 5678").param("email", "li@example.cn").with(csrf()).with(as(liaison)))
                .andExpect(status().is3xxRedirection());
        String stored = jdbc.sql("select phone_enc from member_unit_liaison where unit_id = :u").param("u", mine)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("5678");
        mvc.perform(get("/units/" + mine).with(as(liaison)))
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc.perform(get("/units/" + mine).with(as(office)))
                .andExpect(content().string(containsString("13812345678")));
        mvc.perform(post("/units/" + mine + "/liaisons").param("name", "王五").param("phone", "12345")
                        .with(csrf()).with(as(liaison)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("「电话」应为 11 位手机号")));
        String auditPhone = jdbc.sql("select after_data ->> 'phone' from audit_log where entity_type ="
                + " 'member_unit_liaison' order by id desc limit 1").query(String.class).single();
        assertThat(auditPhone).isEqualTo("138****5678");
    }

    private long audits(String action, long id) {
        return jdbc.sql("select count(*) from audit_log where action = :a and entity_type = 'member_unit'"
                + " and entity_id = :id").param("a", action).param("id", Long.toString(id)).query(Long.class).single();
    }
}
