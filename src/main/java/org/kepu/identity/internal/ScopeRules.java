package org.kepu.identity.internal;

import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Which scope an account of each role may have. Division roles need a division of the right level (an office
 * admin a county or above, a township admin a township, a village recorder a village, a leader or evaluator a
 * county or above, or a township for a leader); unit roles need an active member unit; the other roles have no
 * scope. An account can therefore never be given a wider scope than its role allows.
 */
@Component
class ScopeRules {

    /** The checked scope of an account: the division (code and path) or the unit. */
    record Checked(String divisionCode, String divisionPath, Long unitId) {
    }

    private final DivisionService divisions;
    private final MemberUnitService units;

    ScopeRules(DivisionService divisions, MemberUnitService units) {
        this.divisions = divisions;
        this.units = units;
    }

    Checked check(Role role, String divisionCode, Long unitId) {
        if (role == Role.UNIT_LIAISON || role == Role.UNIT_HEAD) {
            if (unitId == null) {
                throw new BadRequestException("account.error.unitRequired");
            }
            MemberUnitRef unit = units.find(unitId).filter(MemberUnitRef::active)
                    .orElseThrow(() -> new BadRequestException("account.error.unitUnknown"));
            return new Checked(null, null, unit.id());
        }
        if (!role.divisionScoped()) {
            return new Checked(null, null, null);
        }
        String code = divisionCode == null ? "" : divisionCode.trim();
        if (code.isEmpty()) {
            throw new BadRequestException("account.error.divisionRequired");
        }
        Division division = divisions.find(code)
                .orElseThrow(() -> new BadRequestException("account.error.divisionUnknown", code));
        if (!levelFits(role, division.level())) {
            throw new BadRequestException("account.error.divisionLevel", division.name());
        }
        return new Checked(division.code(), division.path(), null);
    }

    static boolean levelFits(Role role, int level) {
        return switch (role) {
            case OFFICE_ADMIN, EVALUATOR -> level <= Division.COUNTY;
            case LEADER -> level <= Division.TOWNSHIP;
            case TOWNSHIP_ADMIN -> level == Division.TOWNSHIP;
            case VILLAGE_RECORDER -> level == Division.VILLAGE;
            default -> false;
        };
    }
}
