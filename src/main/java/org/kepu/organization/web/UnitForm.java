package org.kepu.organization.web;

import java.util.EnumMap;
import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.organization.internal.UnitData;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.KeyGroup;

/** The member-unit form: fields as typed, the loaded version, and a role select per key-group action. */
public record UnitForm(String name, String shortName, String unitType, String duties, String sortOrder, Integer version,
        String roleYOUTH, String roleFARMER, String roleWORKER, String roleELDERLY, String roleCADRE) {

    static final KeyGroup[] GROUPS = {KeyGroup.YOUTH, KeyGroup.FARMER, KeyGroup.WORKER, KeyGroup.ELDERLY,
        KeyGroup.CADRE};

    static UnitForm empty() {
        return new UnitForm("", "", "", "", "0", 0, "", "", "", "", "");
    }

    public String role(KeyGroup g) {
        String r = switch (g) {
            case YOUTH -> roleYOUTH;
            case FARMER -> roleFARMER;
            case WORKER -> roleWORKER;
            case ELDERLY -> roleELDERLY;
            case CADRE -> roleCADRE;
            default -> null;
        };
        return r == null ? "" : r;
    }

    UnitData toData() {
        Integer order;
        String raw = sortOrder == null ? "" : sortOrder.strip();
        if (raw.isEmpty()) {
            order = 0;
        } else if (raw.matches("\\d{1,4}")) {
            order = Integer.valueOf(raw);
        } else {
            throw new BadRequestException("unit.error.sortOrder");
        }
        Map<KeyGroup, ActionRole> roles = new EnumMap<>(KeyGroup.class);
        for (KeyGroup g : GROUPS) {
            String r = role(g);
            if (!r.isBlank()) {
                try {
                    roles.put(g, ActionRole.valueOf(r));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("unit.error.role", g.name());
                }
            }
        }
        return new UnitData(name, shortName, unitType, duties, order, roles);
    }
}
