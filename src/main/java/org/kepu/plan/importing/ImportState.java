package org.kepu.plan.importing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kepu.plan.text.ParsedPlan;

/**
 * What a plan import keeps on the server between the preview steps (stored as JSON in plan_import_draft): the
 * parsed text, the plan's particulars as the user last typed them, the user's choice for each written unit name,
 * and the top-level items left out.
 *
 * @param names written name → choice; names without an entry follow {@link NameChoice#AUTO}
 * @param skipped indexes of top-level items not to import
 */
public record ImportState(ParsedPlan parsed, Meta meta, Map<String, NameChoice> names, Set<Integer> skipped) {

    /** The plan's particulars as typed (strings, checked when saving). */
    public record Meta(String kind, String title, String periodStart, String periodEnd, String issuingBody,
            String documentNumber, String issuedOn, String divisionCode, String status) {
    }

    /**
     * What to do with a written name: AUTO (the matched unit, or keep the name unlinked when none matches), UNIT
     * (link to {@code unitId}; {@code saveAlias} stores the name as that unit's alias), NEW (create a member unit
     * with this name), KEEP (keep the name without a unit), DROP (leave the name out).
     */
    public record NameChoice(String action, Long unitId, boolean saveAlias) {

        public static final NameChoice AUTO = new NameChoice("AUTO", null, false);
    }

    ImportState with(Meta m, Map<String, NameChoice> n, Set<Integer> s) {
        return new ImportState(parsed, m, new LinkedHashMap<>(n), new LinkedHashSet<>(s));
    }

    public NameChoice choice(String name) {
        return names.getOrDefault(name, NameChoice.AUTO);
    }

    static final List<String> ACTIONS = List.of("AUTO", "UNIT", "NEW", "KEEP", "DROP");
}
