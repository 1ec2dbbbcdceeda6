package org.kepu.activity.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.Scope;

/**
 * Resolves the place and unit cells of one import within the caller's scope, caching each distinct text. A
 * division is written as a name ("长宁镇"), a path of names ("长宁镇/城北社区", which also settles names that
 * occur twice) or a 9/12-digit code; a unit by its name or short name. Anything outside the scope is "not
 * found", so an import never reveals what exists elsewhere.
 */
final class PlaceResolver {

    /** A resolved division or the message key of why not. */
    record Place(Division division, String errorKey) {
    }

    private final DivisionService divisions;
    private final MemberUnitService units;
    private final Scope scope;
    private final List<String> roots;
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, Optional<MemberUnitRef>> unitCache = new HashMap<>();

    PlaceResolver(DivisionService divisions, MemberUnitService units, Scope scope) {
        this.divisions = divisions;
        this.units = units;
        this.scope = scope;
        this.roots = scope.divisionPath() != null ? List.of(scope.divisionPath())
                : divisions.roots().stream().map(Division::path).toList();
    }

    Place division(String text) {
        return places.computeIfAbsent(text, this::lookup);
    }

    private Place lookup(String text) {
        String s = CellText.halfWidth(text).strip();
        if (s.matches("\\d{6}|\\d{9}|\\d{12}")) {
            return divisions.find(s).filter(d -> scope.coversPath(d.path()))
                    .map(d -> new Place(d, null)).orElse(new Place(null, "ledger.error.division.notFound"));
        }
        String[] parts = s.split("\\s*[/\\\\>›]\\s*");
        String last = parts[parts.length - 1].strip();
        List<Division> candidates = new ArrayList<>();
        for (String root : roots) {
            candidates.addAll(divisions.findByName(last, root));
        }
        if (parts.length > 1 && candidates.size() > 0) {
            candidates = candidates.stream().filter(d -> ancestorsNamed(d, parts)).toList();
        }
        candidates = candidates.stream().filter(d -> scope.coversPath(d.path())).toList();
        if (candidates.isEmpty()) {
            return new Place(null, "ledger.error.division.notFound");
        }
        if (candidates.size() > 1) {
            return new Place(null, "ledger.error.division.ambiguous");
        }
        return new Place(candidates.get(0), null);
    }

    /** True when the names before the last one of {@code parts} are ancestors of {@code d}, in order. */
    private boolean ancestorsNamed(Division d, String[] parts) {
        List<String> names = divisions.ancestry(d.code()).stream().map(Division::name).toList();
        int at = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            int found = names.subList(at, names.size()).indexOf(parts[i].strip());
            if (found < 0) {
                return false;
            }
            at += found + 1;
        }
        return true;
    }

    /** A member unit by name or short name among the units visible from the scope (or from {@code path}). */
    Optional<MemberUnitRef> unit(String name, String path) {
        String where = scope.divisionPath() != null ? scope.divisionPath() : path;
        String n = CellText.clean(name);
        return unitCache.computeIfAbsent(n + "|" + where, k -> units.findByName(n, where));
    }
}
