package org.kepu.indicator.internal;

import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Which division subtree a caller's figures are about: the division asked for, which must lie inside the caller's
 * scope (else 404, so nobody learns what exists), or the top of the scope. A member unit's caller gets figures
 * over the unit's own records ({@code unitId}).
 */
@Component
public class Areas {

    /** The subtree (and unit) whose figures are computed. */
    public record Area(Division division, Long unitId) {
    }

    private final DivisionService divisions;

    Areas(DivisionService divisions) {
        this.divisions = divisions;
    }

    public Area resolve(CurrentUser user, String divisionCode) {
        return resolve(user.scope(), divisionCode);
    }

    public Area resolve(Scope scope, String divisionCode) {
        if (scope == null || scope.none()) {
            throw new ForbiddenException("error.forbidden");
        }
        Division d;
        if (divisionCode != null && !divisionCode.isBlank()) {
            String code = divisionCode.strip();
            if (!code.matches("[0-9]{2,12}")) {
                throw new NotFoundException("error.notFound");
            }
            d = divisions.find(code).orElseThrow(() -> new NotFoundException("error.notFound"));
            if (scope.divisionPath() != null && !scope.coversPath(d.path())) {
                throw new NotFoundException("error.notFound");
            }
        } else if (scope.divisionPath() != null) {
            String path = scope.divisionPath();
            d = divisions.find(path.substring(path.lastIndexOf('/') + 1))
                    .orElseThrow(() -> new NotFoundException("error.notFound"));
        } else {
            d = divisions.roots().stream().findFirst().orElseThrow(() -> new NotFoundException("error.notFound"));
        }
        return new Area(d, scope.unitId());
    }
}
