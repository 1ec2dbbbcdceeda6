package org.kepu.activity.internal;

import java.util.HashMap;
import java.util.Map;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.springframework.stereotype.Component;

/** Display names of divisions and units through their modules' services, memoised for one list. */
@Component
public class NameLookup {

    private final DivisionService divisions;
    private final MemberUnitService units;

    NameLookup(DivisionService divisions, MemberUnitService units) {
        this.divisions = divisions;
        this.units = units;
    }

    /** A fresh memo; use one per request. */
    public Names names() {
        return new Names();
    }

    /** Memoising lookups for one request. */
    public final class Names {

        private final Map<String, String> divisionNames = new HashMap<>();
        private final Map<Long, String> unitNames = new HashMap<>();

        /** Looks up the names of all these divisions and units at once (two queries), e.g. for one list page. */
        public Names prefetch(java.util.Collection<String> divisionCodes, java.util.Collection<Long> unitIds) {
            java.util.Set<String> codes = new java.util.HashSet<>(divisionCodes);
            codes.remove(null);
            codes.removeAll(divisionNames.keySet());
            divisionNames.putAll(divisions.names(codes));
            java.util.Set<Long> ids = new java.util.HashSet<>(unitIds);
            ids.remove(null);
            ids.removeAll(unitNames.keySet());
            unitNames.putAll(units.names(ids));
            return this;
        }

        public String division(String code) {
            return code == null ? "" : divisionNames.computeIfAbsent(code,
                    c -> divisions.find(c).map(Division::name).orElse(c));
        }

        public String unit(Long id) {
            return id == null ? null : unitNames.computeIfAbsent(id,
                    i -> units.find(i).map(MemberUnitRef::name).orElse("#" + i));
        }
    }
}
