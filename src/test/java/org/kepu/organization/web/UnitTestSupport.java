package org.kepu.organization.web;

import java.util.Map;
import org.kepu.TestFixtures;
import org.kepu.organization.ActionRole;
import org.kepu.organization.internal.UnitCommands;
import org.kepu.organization.internal.UnitData;
import org.kepu.region.DivisionService;
import org.kepu.shared.KeyGroup;

/** Creates member units with unique names for the organization tests. */
final class UnitTestSupport {

    private UnitTestSupport() {
    }

    static long unit(UnitCommands commands, DivisionService divisions, String divisionCode, String name) {
        return commands.create(divisions.require(divisionCode), new UnitData(name, null, "GOVERNMENT", "测试职责", 0,
                Map.of(KeyGroup.YOUTH, ActionRole.COOPERATING)));
    }

    static long countyUnit(UnitCommands commands, DivisionService divisions, String name) {
        return unit(commands, divisions, TestFixtures.COUNTY, name);
    }
}
