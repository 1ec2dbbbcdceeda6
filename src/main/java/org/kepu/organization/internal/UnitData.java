package org.kepu.organization.internal;

import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.shared.KeyGroup;

/** The fields of a member unit a user sets when creating or editing it. Checked by {@link UnitCommands}. */
public record UnitData(String name, String shortName, String unitType, String duties, Integer sortOrder,
        Map<KeyGroup, ActionRole> roles) {
}
