package org.kepu.organization.internal;

import java.util.List;
import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.shared.KeyGroup;

/** A member unit with its duties, liaisons, aliases and key-group roles, plus what the caller may do with it. */
public record UnitDetail(long id, String divisionCode, String divisionPath, String name, String shortName,
        String unitType, String duties, boolean active, int sortOrder, int version, Map<KeyGroup, ActionRole> roles,
        List<LiaisonView> liaisons, List<AliasView> aliases, boolean canManage, boolean canManageLiaisons) {
}
