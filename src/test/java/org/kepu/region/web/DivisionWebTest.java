package org.kepu.region.web;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.region.internal.DivisionImporter;
import org.kepu.region.internal.SyntheticDivisions;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class DivisionWebTest {

    /** A made-up province owned by this test class, so population edits do not disturb the shared fixtures. */
    static final SyntheticDivisions TREE = new SyntheticDivisions("96");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DivisionImporter importer;

    TestFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        importer.importSubtree(TREE.csv(), "96");
    }

    @Test
    void townshipUserSeesOwnSubtreeWithBreadcrumbButNotTheNeighbour() throws Exception {
        CurrentUser a = fixtures.user("region-web-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        mvc.perform(get("/divisions").with(as(a))).andExpect(redirectedUrl("/divisions/" + TestFixtures.TOWNSHIP_A));
        mvc.perform(get("/divisions/" + TestFixtures.TOWNSHIP_A).with(as(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("寻乌县")))
                .andExpect(content().string(containsString(TestFixtures.VILLAGE_A1)))
                .andExpect(content().string(not(containsString("href=\"/divisions/360734\""))))
                .andExpect(content().string(not(containsString("/divisions/" + TestFixtures.TOWNSHIP_A + "/edit"))));
        mvc.perform(get("/divisions/" + TestFixtures.TOWNSHIP_B).with(as(a))).andExpect(status().isNotFound());
        mvc.perform(get("/divisions/" + TestFixtures.VILLAGE_B1).with(as(a))).andExpect(status().isNotFound());
        mvc.perform(get("/divisions/" + TestFixtures.COUNTY).with(as(a))).andExpect(status().isNotFound());
        mvc.perform(post("/divisions/" + TestFixtures.TOWNSHIP_B + "/edit").param("population", "1")
                .param("version", "" + version(TestFixtures.TOWNSHIP_B)).with(csrf()).with(as(a)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/divisions/" + TestFixtures.VILLAGE_B1 + "/edit").param("population", "1")
                .param("version", "" + version(TestFixtures.VILLAGE_B1)).with(csrf()).with(as(a)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select population from division where code = :c").param("c", TestFixtures.TOWNSHIP_B)
                .query(Integer.class).single()).isNotEqualTo(1);
    }

    @Test
    void htmxRequestGetsOnlyTheChildRows() throws Exception {
        CurrentUser office = fixtures.user("region-web-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        mvc.perform(get("/divisions/" + TestFixtures.TOWNSHIP_A).param("depth", "1").header("HX-Request", "true")
                        .with(as(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<tr")))
                .andExpect(content().string(containsString(TestFixtures.VILLAGE_A1)))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void outOfScopeUsersCannotChangePopulationByGuessingCodes() throws Exception {
        CurrentUser officeOfT1 = fixtures.user("region-web-office-t1", Role.OFFICE_ADMIN, TREE.township1());
        CurrentUser townshipAdmin = fixtures.user("region-web-tadmin-t1", Role.TOWNSHIP_ADMIN, TREE.township1());
        String target = TREE.township2() + "002";
        int version = version(target);
        mvc.perform(post("/divisions/" + target + "/edit").param("population", "99").param("version", "" + version)
                .with(csrf()).with(as(officeOfT1))).andExpect(status().isForbidden());
        mvc.perform(post("/divisions/" + TREE.township1() + "001/edit").param("population", "99")
                .param("version", "" + version(TREE.township1() + "001")).with(csrf()).with(as(townshipAdmin)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/divisions/" + target + "/edit").with(as(officeOfT1))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from division where population = 99 and code like '96%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void officeAdminEditsPopulationAndAStaleVersionIsAConflict() throws Exception {
        CurrentUser office = fixtures.user("region-web-office-96", Role.OFFICE_ADMIN, TREE.county());
        String village = TREE.township2() + "001";
        int version = version(village);
        mvc.perform(post("/divisions/" + village + "/edit").param("population", "1,234").param("urbanRural", "RURAL")
                        .param("version", "" + version).with(csrf()).with(as(office)))
                .andExpect(redirectedUrl("/divisions/" + village));
        assertThat(jdbc.sql("select population || urban_rural from division where code = :c").param("c", village)
                .query(String.class).single()).isEqualTo("1234RURAL");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'UPDATE' and entity_type = 'division'"
                + " and entity_id = :c").param("c", village).query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/divisions/" + village + "/edit").param("population", "5000").param("version", "" + version)
                        .with(csrf()).with(as(office)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        mvc.perform(post("/divisions/" + village + "/edit").param("population", "约200")
                        .param("version", "" + version(village)).with(csrf()).with(as(office)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("「常住人口」应为整数")));
        assertThat(jdbc.sql("select population from division where code = :c").param("c", village)
                .query(Integer.class).single()).isEqualTo(1234);
    }

    @Test
    void importPageAcceptsAZipForAdminsOnly() throws Exception {
        var data = new SyntheticDivisions("97");
        CurrentUser sys = fixtures.user("region-web-sys", Role.SYS_ADMIN, null);
        CurrentUser township = fixtures.user("region-web-township-a2", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        var zip = new MockMultipartFile("zip", "divisions.zip", "application/zip", data.zip());

        mvc.perform(multipart("/divisions/import").file(zip).param("root", "97").with(csrf()).with(as(township)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/divisions/import").with(as(township))).andExpect(status().isForbidden());
        mvc.perform(multipart("/divisions/import").file(zip).param("root", "97").with(csrf()).with(as(sys)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新增 9 条")));

        var bad = new SyntheticDivisions("98").replace("streets.csv", "\"乙乡\"", "\"\"");
        var files = bad.files;
        var req = multipart("/divisions/import");
        req.param("root", "98");
        for (var e : files.entrySet()) {
            req.file(new MockMultipartFile(e.getKey().replace(".csv", ""), e.getKey(), "text/csv",
                    e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        mvc.perform(req.with(csrf()).with(as(sys)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("streets.csv 第 3 行：「name」不能为空")));
        mvc.perform(get("/divisions").with(as(sys))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/divisions/97")));
    }

    private int version(String code) {
        return jdbc.sql("select version from division where code = :c").param("c", code).query(Integer.class)
                .single();
    }
}
