package org.kepu.plan.importing;

import java.util.List;
import java.util.Set;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.UnitMatch;
import org.kepu.shared.KeyGroup;

/**
 * What the import preview shows: the particulars, the parser's warnings, each distinct written unit name with its
 * match and the user's choice, the tree as it will be saved, and counts.
 */
public record Preview(long draftId, int version, String sourceName, ImportState.Meta meta, List<String> warnings,
        List<NameRow> names, List<Node> tree, Counts counts, List<MemberUnitRef> units) {

    /**
     * One distinct written name.
     *
     * @param index its position, the key of its form fields
     * @param occurrences how many times the text names it
     * @param match the unit it matches by name, short name, alias or normalisation, or null
     * @param choice what the user chose
     * @param outcome what saving will do: LINK, NEW, KEEP or DROP
     */
    public record NameRow(int index, String name, int occurrences, UnitMatch match, ImportState.NameChoice choice,
            String outcome, String unitName) {

        public boolean matched() {
            return match != null;
        }
    }

    /** A written name in the tree with what saving will do with it (LINK, NEW, KEEP, DROP) and the unit. */
    public record Name(String written, String outcome, Long unitId, String unitName) {
    }

    /** A task as it will be saved; {@code index} is set on top-level items (the key of their skip box). */
    public record Node(Integer index, String numbering, String title, List<Name> leads, List<Name> cooperating,
            int targets, Set<KeyGroup> keyGroups, boolean skipped, List<Node> children) {
    }

    /**
     * @param tasks tasks to save; @param links unit links to save, of which {@code linked} to a member unit,
     * {@code newUnits} to units to be created and {@code unlinked} kept as written names only
     */
    public record Counts(int tasks, int links, int linked, int newUnits, int unlinked, int targets, int names,
            int unmatchedNames) {
    }
}
