package org.kepu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class AccountAdminTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestFixtures fixtures;
    CurrentUser sys;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        sys = fixtures.user("adm_sys", Role.SYS_ADMIN, null);
    }

    @Test
    void onlyTheSystemAdminManagesAccounts() throws Exception {
        mvc.perform(get("/admin/users").with(TestFixtures.as(sys))).andExpect(status().isOk())
                .andExpect(content().string(containsString("adm_sys")));
        for (Role role : new Role[] {Role.OFFICE_ADMIN, Role.SEC_ADMIN, Role.AUDIT_ADMIN}) {
            CurrentUser other = role == Role.OFFICE_ADMIN
                    ? fixtures.user("adm_" + role.name().toLowerCase(), role, TestFixtures.COUNTY)
                    : fixtures.user("adm_" + role.name().toLowerCase(), role, null);
            mvc.perform(get("/admin/users").with(TestFixtures.as(other))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/users").with(csrf()).with(TestFixtures.as(other))
                            .param("username", "sneaky_" + role.name()).param("displayName", "x")
                            .param("role", "SYS_ADMIN"))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from app_user where username like 'sneaky%'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void createsAnAccountWithAOneTimePasswordAndAuditsIt() throws Exception {
        String u = Accounts.unique("new");
        var result = mvc.perform(post("/admin/users").with(csrf()).with(TestFixtures.as(sys))
                        .param("username", u).param("displayName", "新乡镇管理员").param("role", "TOWNSHIP_ADMIN")
                        .param("divisionCode", TestFixtures.TOWNSHIP_B))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("oneTimePassword"))
                .andReturn();
        String password = (String) result.getFlashMap().get("oneTimePassword");
        long id = jdbc.sql("select id from app_user where username = :u").param("u", u).query(Long.class).single();
        assertThat(jdbc.sql("select must_change_password from app_user where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select division_path from app_user where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(TestFixtures.TOWNSHIP_B_PATH);
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(encoder.matches(password, hash)).isTrue();
        String after = jdbc.sql("select cast(after_data as text) from audit_log where action = 'CREATE'"
                + " and entity_type = 'app_user' and entity_id = :id").param("id", String.valueOf(id))
                .query(String.class).single();
        assertThat(after).contains(u).contains("TOWNSHIP_ADMIN").doesNotContain(hash).doesNotContain(password)
                .doesNotContainIgnoringCase("password_hash");
        // The one-time password signs in and must be changed at once.
        assertThat(Accounts.login(mvc, u, password).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
    }

    @Test
    void scopeMustFitTheRole() throws Exception {
        String u = Accounts.unique("wide");
        // A village recorder with a whole county is refused, as is an office admin with a village.
        mvc.perform(post("/admin/users").with(csrf()).with(TestFixtures.as(sys)).param("username", u)
                        .param("displayName", "x").param("role", "VILLAGE_RECORDER")
                        .param("divisionCode", TestFixtures.COUNTY))
                .andExpect(content().string(containsString("级别与该角色不符")));
        mvc.perform(post("/admin/users").with(csrf()).with(TestFixtures.as(sys)).param("username", u)
                        .param("displayName", "x").param("role", "OFFICE_ADMIN")
                        .param("divisionCode", TestFixtures.VILLAGE_A1))
                .andExpect(content().string(containsString("级别与该角色不符")));
        mvc.perform(post("/admin/users").with(csrf()).with(TestFixtures.as(sys)).param("username", u)
                        .param("displayName", "x").param("role", "UNIT_LIAISON"))
                .andExpect(content().string(containsString("须选择所属成员单位")));
        mvc.perform(post("/admin/users").with(csrf()).with(TestFixtures.as(sys)).param("username", u)
                        .param("displayName", "x").param("role", "EVALUATOR")
                        .param("divisionCode", TestFixtures.COUNTY))
                .andExpect(content().string(containsString("必须填写有效期")));
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", u).query(Long.class)
                .single()).isZero();
    }

    @Test
    void systemAdminCannotEscalate() throws Exception {
        // Not his own role …
        mvc.perform(post("/admin/users/" + sys.id()).with(csrf()).with(TestFixtures.as(sys))
                        .param("displayName", "me").param("role", "AUDIT_ADMIN"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + sys.id() + "/disable").with(csrf()).with(TestFixtures.as(sys)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select role from app_user where id = :id").param("id", sys.id()).query(String.class)
                .single()).isEqualTo("SYS_ADMIN");
        // … nor turn an existing business account into a platform admin.
        CurrentUser leader = fixtures.user(Accounts.unique("lead"), Role.LEADER, TestFixtures.COUNTY);
        mvc.perform(post("/admin/users/" + leader.id()).with(csrf()).with(TestFixtures.as(sys))
                        .param("displayName", "x").param("role", "AUDIT_ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select role from app_user where id = :id").param("id", leader.id())
                .query(String.class).single()).isEqualTo("LEADER");
    }

    @Test
    void editDisableResetAndUnlockAreAuditedWithBeforeAndAfter() throws Exception {
        CurrentUser t = fixtures.user(Accounts.unique("edit"), Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        int version = jdbc.sql("select version from app_user where id = :id").param("id", t.id())
                .query(Integer.class).single();
        mvc.perform(post("/admin/users/" + t.id()).with(csrf()).with(TestFixtures.as(sys))
                        .param("displayName", "改名").param("role", "TOWNSHIP_ADMIN")
                        .param("divisionCode", TestFixtures.TOWNSHIP_B).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        String before = jdbc.sql("select cast(before_data as text) from audit_log where action = 'UPDATE'"
                + " and entity_id = :id").param("id", String.valueOf(t.id())).query(String.class).single();
        assertThat(before).contains(TestFixtures.TOWNSHIP_A);
        // A stale version is a conflict, not a silent overwrite.
        mvc.perform(post("/admin/users/" + t.id()).with(csrf()).with(TestFixtures.as(sys))
                        .param("displayName", "再改").param("role", "TOWNSHIP_ADMIN")
                        .param("divisionCode", TestFixtures.TOWNSHIP_B).param("version", String.valueOf(version)))
                .andExpect(status().isConflict());
        mvc.perform(post("/admin/users/" + t.id() + "/disable").with(csrf()).with(TestFixtures.as(sys)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select enabled from app_user where id = :id").param("id", t.id())
                .query(Boolean.class).single()).isFalse();
        jdbc.sql("update app_user set locked_until = now() + interval '10 minutes' where id = :id")
                .param("id", t.id()).update();
        mvc.perform(post("/admin/users/" + t.id() + "/unlock").with(csrf()).with(TestFixtures.as(sys)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/" + t.id() + "/reset-password").with(csrf()).with(TestFixtures.as(sys)))
                .andExpect(flash().attributeExists("oneTimePassword"));
        assertThat(jdbc.sql("select locked_until is null and must_change_password from app_user where id = :id")
                .param("id", t.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from audit_log where entity_id = :id"
                + " and entity_type = 'app_user'").param("id", String.valueOf(t.id())).query(String.class).single())
                .isEqualTo("UPDATE,DISABLE,UNLOCK,PASSWORD_RESET");
    }

    @Test
    void securityAdminSeesLockedAccountsAndUnlocksThem() throws Exception {
        CurrentUser sec = fixtures.user("adm_sec2", Role.SEC_ADMIN, null);
        CurrentUser t = fixtures.user(Accounts.unique("locked"), Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_B1);
        jdbc.sql("update app_user set locked_until = now() + interval '10 minutes' where id = :id")
                .param("id", t.id()).update();
        mvc.perform(get("/admin/security").with(TestFixtures.as(sec))).andExpect(status().isOk())
                .andExpect(content().string(containsString(t.username())));
        mvc.perform(get("/admin/security").with(TestFixtures.as(sys))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/security/locked/" + t.id() + "/unlock").with(csrf()).with(TestFixtures.as(sec)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select locked_until is null from app_user where id = :id").param("id", t.id())
                .query(Boolean.class).single()).isTrue();
    }
}
