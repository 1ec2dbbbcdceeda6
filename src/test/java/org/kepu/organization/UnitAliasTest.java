package org.kepu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.organization.internal.AliasCommands;
import org.kepu.organization.internal.UnitCommands;
import org.kepu.organization.internal.UnitData;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Aliases of member units and the resolution of written names (exact, short name, alias, normalised, 县 prefix). */
@KepuIntegrationTest
@AutoConfigureMockMvc
class UnitAliasTest {

    @Autowired
    MemberUnitService units;
    @Autowired
    UnitCommands commands;
    @Autowired
    AliasCommands aliases;
    @Autowired
    DivisionService divisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TransactionTemplate tx;

    TestFixtures fixtures;
    CurrentUser office;

    @BeforeEach
    void setUp() {
        fixtures = new TestFixtures(jdbc).ensure();
        office = fixtures.user("alias-office", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
    }

    private long unit(String name, String shortName) {
        return jdbc.sql("select id from member_unit where division_code = :c and name = :n")
                .param("c", TestFixtures.COUNTY).param("n", name).query(Long.class).optional()
                .orElseGet(() -> commands.create(divisions.require(TestFixtures.COUNTY),
                        new UnitData(name, shortName, "GOVERNMENT", null, 0, Map.of())));
    }

    @Test
    void writtenNamesResolveByNameShortNameAliasAndNormalisation() {
        long innovation = unit("县别名科技创新中心", "别名科创");
        long market = unit("县别名市场监督管理局", null);
        long forestry = unit("县别名林业局", null);
        tx.executeWithoutResult(s -> {
            if (units.resolveName("县别名科创中心", TestFixtures.COUNTY_PATH).isEmpty()) {
                aliases.add(innovation, "县别名科创中心");
                aliases.add(market, "县别名市场监管局");
                aliases.add(market, "县别名市场质量监管局");
            }
        });
        String path = TestFixtures.COUNTY_PATH;

        assertThat(units.resolveName("县别名科技创新中心", path)).get()
                .satisfies(m -> assertThat(m.via()).isEqualTo(UnitMatch.Via.NAME))
                .extracting(m -> m.unit().id()).isEqualTo(innovation);
        assertThat(units.resolveName("别名科创", path)).get().extracting(UnitMatch::via)
                .isEqualTo(UnitMatch.Via.SHORT_NAME);
        UnitMatch viaAlias = units.resolveName("县别名市场质量监管局", path).orElseThrow();
        assertThat(viaAlias.unit().id()).isEqualTo(market);
        assertThat(viaAlias.via()).isEqualTo(UnitMatch.Via.ALIAS);
        assertThat(viaAlias.matchedText()).isEqualTo("县别名市场质量监管局");
        // Full-width spaces and letters, spaces inside the name, and an alias with a space in it.
        assertThat(units.resolveName("县别名 科技创新中心", path)).get().extracting(UnitMatch::via)
                .isEqualTo(UnitMatch.Via.NORMALISED);
        assertThat(units.resolveName("\u3000县别名市场监管局 ", path)).get().extracting(m -> m.unit().id())
                .isEqualTo(market);
        // 别名林业局 written without the leading 县.
        assertThat(units.resolveName("别名林业局", path)).get().extracting(m -> m.unit().id()).isEqualTo(forestry);
        assertThat(units.resolveName("县别名住建局", path)).isEmpty();
        // A township plan sees the county's units; the batch call returns only the matched names.
        Map<String, UnitMatch> batch = units.resolveNames(List.of("县别名科创中心", "县别名住建局", "县别名林业局"),
                TestFixtures.TOWNSHIP_A_PATH);
        assertThat(batch).containsOnlyKeys("县别名科创中心", "县别名林业局");
        assertThat(UnitNames.key("（ＡＢ　县 科协）")).isEqualTo("(ab县科协)");
    }

    @Test
    void aliasesMustLeadToOneUnit() {
        long a = unit("县别名测试甲局", null);
        long b = unit("县别名测试乙局", "乙局简称");
        tx.executeWithoutResult(s -> {
            if (units.resolveName("甲局别称", TestFixtures.COUNTY_PATH).isEmpty()) {
                aliases.add(a, "甲局别称");
            }
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> aliases.add(a, "县别名测试甲局")))
                .isInstanceOf(BadRequestException.class).hasMessage("alias.error.ownName");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> aliases.add(a, "乙局简称")))
                .isInstanceOf(BadRequestException.class).hasMessage("alias.error.otherUnit");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> aliases.add(b, "甲局 别称")))
                .isInstanceOf(BadRequestException.class).hasMessage("alias.error.taken");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> aliases.add(b, " ")))
                .isInstanceOf(BadRequestException.class).hasMessage("alias.error.required");
        CurrentUser townshipOffice = fixtures.user("alias-office-b", Role.OFFICE_ADMIN, TestFixtures.TOWNSHIP_B);
        assertThatThrownBy(() -> aliases.add(townshipOffice, b, "乙局别称"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(units.resolveName("甲局别称", TestFixtures.COUNTY_PATH)).get().extracting(m -> m.unit().id())
                .isEqualTo(a);
    }

    @Test
    void officeAdminAddsAndRemovesAliasesOnTheUnitPage() throws Exception {
        long id = unit("县别名页面测试局", null);
        mvc.perform(post("/units/" + id + "/aliases").param("alias", "页面测试局").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/units/" + id).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面测试局")));
        mvc.perform(post("/units/" + id + "/aliases").param("alias", "县别名页面测试局").with(csrf())
                .with(as(office))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("就是本单位的名称")));
        long aliasId = jdbc.sql("select id from member_unit_alias where unit_id = :u").param("u", id)
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'member_unit_alias'"
                + " and entity_id = :id and action = 'CREATE'").param("id", String.valueOf(aliasId))
                .query(Long.class).single()).isEqualTo(1);
        CurrentUser liaison = fixtures.user("alias-liaison", Role.UNIT_LIAISON, "县科协");
        mvc.perform(post("/units/" + id + "/aliases/" + aliasId + "/delete").with(csrf()).with(as(liaison)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/units/" + id + "/aliases/" + aliasId + "/delete").with(csrf()).with(as(office)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from member_unit_alias where unit_id = :u").param("u", id)
                .query(Long.class).single()).isZero();
    }
}
