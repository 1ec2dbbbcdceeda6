package org.kepu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kepu.organization.ActionRole;
import org.kepu.shared.KeyGroup;

/** The member units extracted from seed 004 match the seed's table of lead and cooperating units. */
class MemberUnitSeedDataTest {

    @Test
    void everyUnitOfTheActionTableIsKnownAndLeadsAreRight() {
        var seed = DemoMemberUnits.read(new ObjectMapper());
        var roles = DemoMemberUnits.roles(seed);

        assertThat(seed.units()).hasSize(30);
        assertThat(seed.units()).extracting(DemoMemberUnits.SeedUnit::name).doesNotHaveDuplicates()
                .contains("县科协", "县教科体局", "县委组织部", "县工商联", "县自然资源局");
        assertThat(seed.units()).filteredOn(u -> u.duties() == null).extracting(DemoMemberUnits.SeedUnit::name)
                .containsExactlyInAnyOrder("县工商联", "县自然资源局");
        assertThat(roles.get("县教科体局")).containsEntry(KeyGroup.YOUTH, ActionRole.LEAD)
                .containsEntry(KeyGroup.FARMER, ActionRole.COOPERATING);
        assertThat(roles.get("县农业农村局")).containsExactly(java.util.Map.entry(KeyGroup.FARMER, ActionRole.LEAD));
        assertThat(roles.get("县总工会")).containsEntry(KeyGroup.WORKER, ActionRole.LEAD)
                .containsEntry(KeyGroup.ELDERLY, ActionRole.COOPERATING);
        assertThat(roles.get("县民政局")).containsEntry(KeyGroup.ELDERLY, ActionRole.LEAD);
        assertThat(roles.get("县卫健委")).containsEntry(KeyGroup.ELDERLY, ActionRole.LEAD);
        assertThat(roles.get("县委组织部")).containsEntry(KeyGroup.CADRE, ActionRole.LEAD);
        assertThat(roles.get("县科协")).hasSize(5).doesNotContainValue(ActionRole.LEAD);
        long leads = roles.values().stream().flatMap(m -> m.values().stream()).filter(r -> r == ActionRole.LEAD)
                .count();
        assertThat(leads).isEqualTo(7);
        assertThat(seed.units()).filteredOn(u -> u.name().equals("县科协")).first()
                .extracting(DemoMemberUnits.SeedUnit::duties).asString().startsWith("做好县全民科学素质领导小组办公室日常工作");
    }
}
