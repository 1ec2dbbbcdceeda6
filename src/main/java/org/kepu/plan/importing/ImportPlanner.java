package org.kepu.plan.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.UnitMatch;
import org.kepu.plan.text.ParsedPlan;
import org.kepu.plan.text.ParsedTask;
import org.kepu.shared.KeyGroup;

/**
 * Decides what an import does with each written name, from the name's match and the user's choice, and walks the
 * parsed tree the way saving will (skipped top-level items left out, key groups from the headings).
 */
final class ImportPlanner {

    /** What saving does with one written name. */
    record Outcome(String kind, Long unitId, String unitName, boolean saveAlias) {

        static final Outcome KEEP = new Outcome("KEEP", null, null, false);
        static final Outcome DROP = new Outcome("DROP", null, null, false);
    }

    private ImportPlanner() {
    }

    /** Distinct written names in the order they first appear, with how often they appear. */
    static Map<String, Integer> names(ParsedPlan parsed) {
        Map<String, Integer> out = new LinkedHashMap<>();
        collect(parsed.tasks(), out);
        return out;
    }

    private static void collect(List<ParsedTask> tasks, Map<String, Integer> out) {
        for (ParsedTask t : tasks) {
            for (String n : t.leadUnits()) {
                out.merge(clean(n), 1, Integer::sum);
            }
            for (String n : t.cooperatingUnits()) {
                out.merge(clean(n), 1, Integer::sum);
            }
            collect(t.children(), out);
        }
    }

    static String clean(String name) {
        String s = name == null ? "" : name.strip();
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /** The outcome of every name: AUTO follows the match (or keeps the name), UNIT needs a unit in {@code units}. */
    static Map<String, Outcome> outcomes(ImportState state, Map<String, UnitMatch> matches,
            List<MemberUnitRef> units) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (String name : names(state.parsed()).keySet()) {
            ImportState.NameChoice c = state.choice(name);
            UnitMatch m = matches.get(name);
            Outcome o = switch (c.action()) {
                case "UNIT" -> units.stream().filter(u -> c.unitId() != null && u.id() == c.unitId()).findFirst()
                        .map(u -> new Outcome("LINK", u.id(), u.name(), c.saveAlias())).orElse(Outcome.KEEP);
                case "NEW" -> new Outcome("NEW", null, name, false);
                case "KEEP" -> Outcome.KEEP;
                case "DROP" -> Outcome.DROP;
                default -> m == null ? Outcome.KEEP : new Outcome("LINK", m.unit().id(), m.unit().name(), false);
            };
            out.put(name, o);
        }
        return out;
    }

    /** The tree as saving will write it. */
    static List<Preview.Node> tree(ImportState state, Map<String, Outcome> outcomes) {
        List<Preview.Node> out = new ArrayList<>();
        List<ParsedTask> top = state.parsed().tasks();
        for (int i = 0; i < top.size(); i++) {
            out.add(node(top.get(i), i, state.skipped().contains(i), Set.of(), outcomes));
        }
        return out;
    }

    private static Preview.Node node(ParsedTask t, Integer index, boolean skipped, Set<KeyGroup> inherited,
            Map<String, Outcome> outcomes) {
        Set<KeyGroup> groups = KeyGroupHints.of(t.title(), inherited);
        List<Preview.Node> children = new ArrayList<>();
        for (ParsedTask c : t.children()) {
            children.add(node(c, null, skipped, groups, outcomes));
        }
        return new Preview.Node(index, t.numbering(), t.title(), names(t.leadUnits(), outcomes),
                names(t.cooperatingUnits(), outcomes), t.targets().size(), groups, skipped, children);
    }

    static List<Preview.Name> names(List<String> written, Map<String, Outcome> outcomes) {
        List<Preview.Name> out = new ArrayList<>();
        for (String w : written) {
            Outcome o = outcomes.getOrDefault(clean(w), Outcome.KEEP);
            out.add(new Preview.Name(clean(w), o.kind(), o.unitId(), o.unitName()));
        }
        return out;
    }

    /** Counts over the tree as it will be saved (duplicate units in one task counted once, lead first). */
    static Preview.Counts counts(List<Preview.Node> tree, Map<String, Outcome> outcomes) {
        int[] c = new int[6];
        count(tree, c);
        int unmatched = (int) outcomes.values().stream().filter(o -> !"LINK".equals(o.kind())).count();
        return new Preview.Counts(c[0], c[1], c[2], c[3], c[4], c[5], outcomes.size(), unmatched);
    }

    private static void count(List<Preview.Node> nodes, int[] c) {
        for (Preview.Node n : nodes) {
            if (n.skipped()) {
                continue;
            }
            c[0]++;
            for (Link l : links(n.leads(), n.cooperating())) {
                c[1]++;
                switch (l.name().outcome()) {
                    case "LINK" -> c[2]++;
                    case "NEW" -> c[3]++;
                    default -> c[4]++;
                }
            }
            c[5] += n.targets();
            count(n.children(), c);
        }
    }

    /** One link to write: the name and whether it leads. */
    record Link(Preview.Name name, boolean lead) {
    }

    /**
     * The links of one task: leads first, dropped names left out, a unit (or new unit, or kept written name)
     * named twice kept once — as lead if it is named as lead anywhere in the task.
     */
    static List<Link> links(List<Preview.Name> leads, List<Preview.Name> cooperating) {
        Map<String, Link> out = new LinkedHashMap<>();
        for (Preview.Name n : leads) {
            if (!"DROP".equals(n.outcome())) {
                out.putIfAbsent(key(n), new Link(n, true));
            }
        }
        for (Preview.Name n : cooperating) {
            if (!"DROP".equals(n.outcome())) {
                out.putIfAbsent(key(n), new Link(n, false));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String key(Preview.Name n) {
        return switch (n.outcome()) {
            case "LINK" -> "LINK:" + n.unitId();
            case "NEW" -> "NEW:" + n.unitName();
            default -> "KEEP:" + n.written();
        };
    }
}
