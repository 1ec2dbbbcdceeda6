package org.kepu.plan.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kepu.organization.UnitType;
import org.kepu.shared.KeyGroup;

class KeyGroupHintsTest {

    @Test
    void headingsNameKeyGroupsAndChildrenInheritThem() {
        assertThat(KeyGroupHints.of("实施青少年科学素质提升行动", Set.of())).containsExactly(KeyGroup.YOUTH);
        assertThat(KeyGroupHints.of("开展面向社区居民特别是老年人的科普惠民行动", Set.of()))
                .containsExactlyInAnyOrder(KeyGroup.ELDERLY, KeyGroup.COMMUNITY);
        assertThat(KeyGroupHints.of("树立相信科学、和谐理性的思想观念", Set.of(KeyGroup.FARMER)))
                .containsExactly(KeyGroup.FARMER);
        assertThat(KeyGroupHints.of("实施领导干部和公务员科学素质提升行动", Set.of())).containsExactly(KeyGroup.CADRE);
        assertThat(KeyGroupHints.of("完善科普设施网络", Set.of())).isEmpty();
    }

    @Test
    void newUnitsGetAFirstGuessOfTheirType() {
        assertThat(UnitType.guess("县社联")).isEqualTo(UnitType.PEOPLES_ORGANIZATION);
        assertThat(UnitType.guess("县委宣传部")).isEqualTo(UnitType.PARTY);
        assertThat(UnitType.guess("团县委")).isEqualTo(UnitType.PARTY);
        assertThat(UnitType.guess("县大数据中心")).isEqualTo(UnitType.PUBLIC_INSTITUTION);
        assertThat(UnitType.guess("县住建局")).isEqualTo(UnitType.GOVERNMENT);
        assertThat(UnitType.guess("县卫健委")).isEqualTo(UnitType.GOVERNMENT);
        assertThat(UnitType.guess("某某公司")).isEqualTo(UnitType.OTHER);
    }
}
