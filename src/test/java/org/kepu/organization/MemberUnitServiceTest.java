package org.kepu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.organization.internal.UnitCommands;
import org.kepu.organization.internal.UnitData;
import org.kepu.region.DivisionService;
import org.kepu.shared.KeyGroup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class MemberUnitServiceTest {

    @Autowired
    MemberUnitService units;

    @Autowired
    UnitCommands commands;

    @Autowired
    DivisionService divisions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rolesAreReadableByOtherModules() {
        new TestFixtures(jdbc).ensure();
        long id = commands.create(divisions.require(TestFixtures.COUNTY), new UnitData("县角色测试局", null, "OTHER", null,
                0, Map.of(KeyGroup.WORKER, ActionRole.LEAD, KeyGroup.CADRE, ActionRole.COOPERATING)));
        assertThat(units.keyGroupRoles(id)).containsExactly(Map.entry(KeyGroup.WORKER, ActionRole.LEAD),
                Map.entry(KeyGroup.CADRE, ActionRole.COOPERATING));
        assertThat(units.unitsWithRole(KeyGroup.WORKER, ActionRole.LEAD, TestFixtures.TOWNSHIP_A_PATH))
                .extracting(MemberUnitRef::id).contains(id);
        assertThat(units.unitsWithRole(KeyGroup.CADRE, ActionRole.LEAD, TestFixtures.TOWNSHIP_A_PATH))
                .extracting(MemberUnitRef::id).doesNotContain(id);
        assertThat(units.find(id)).get().extracting(MemberUnitRef::name).isEqualTo("县角色测试局");
    }

    @Test
    void namesFollowARenameAtOnce() {
        var fx = new TestFixtures(jdbc).ensure();
        long id = commands.create(divisions.require(TestFixtures.COUNTY), new UnitData("县改名测试局", null, "OTHER", null,
                0, Map.of()));
        assertThat(units.names(java.util.List.of(id))).containsExactly(Map.entry(id, "县改名测试局"));
        int version = jdbc.sql("select version from member_unit where id = :id").param("id", id).query(Integer.class)
                .single();
        var admin = fx.user("rename-office", org.kepu.shared.Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        commands.update(admin, id, new UnitData("县改名后局", null, "OTHER", null, 0, Map.of()), version);
        assertThat(units.names(java.util.List.of(id))).containsExactly(Map.entry(id, "县改名后局"));
        assertThat(units.names(java.util.List.of(-1L))).isEmpty();
    }
}
