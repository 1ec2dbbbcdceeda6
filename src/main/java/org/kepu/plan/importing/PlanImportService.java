package org.kepu.plan.importing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kepu.audit.AuditLog;
import org.kepu.organization.ActionRole;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.organization.UnitMatch;
import org.kepu.organization.UnitNames;
import org.kepu.organization.UnitType;
import org.kepu.plan.PlanKind;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.internal.PlanAccess;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.PlanData;
import org.kepu.plan.internal.PlanWriter;
import org.kepu.plan.text.ParsedPlan;
import org.kepu.plan.text.ParsedTask;
import org.kepu.plan.text.PlanTextParser;
import org.kepu.plan.text.TargetProposal;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KeyGroup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a plan from its official text: parse → draft on the server → preview and corrections → save. Saving
 * writes the plan, its tasks, unit links and target proposals, the units the user chose to create and the aliases
 * the user chose to keep, in one transaction (all or nothing), audited as one IMPORT. Office admins only.
 */
@Service
@Transactional
public class PlanImportService {

    /** Pasted or uploaded text longer than this is refused. */
    public static final int MAX_CHARS = 1_000_000;

    /** The user's corrections from the preview form: particulars, choices by name index, skipped items. */
    public record Corrections(ImportState.Meta meta, Map<Integer, ImportState.NameChoice> choices,
            Set<Integer> skipped) {
    }

    /** What a save wrote. */
    public record Saved(long planId, int tasks, int links, int linked, int newUnits, int aliases, int targets) {
    }

    private final PlanTextParser parser;
    private final ImportDrafts drafts;
    private final MemberUnitService units;
    private final DivisionService divisions;
    private final PlanCommands plans;
    private final PlanWriter writer;
    private final AuditLog audit;

    PlanImportService(PlanTextParser parser, ImportDrafts drafts, MemberUnitService units, DivisionService divisions,
            PlanCommands plans, PlanWriter writer, AuditLog audit) {
        this.parser = parser;
        this.drafts = drafts;
        this.units = units;
        this.divisions = divisions;
        this.plans = plans;
        this.writer = writer;
        this.audit = audit;
    }

    /** Parses the text and keeps it as a draft of the caller; returns the draft's id. */
    public long start(CurrentUser user, String sourceName, String text) {
        if (!PlanAccess.canCreate(user)) {
            throw new ForbiddenException("error.forbidden");
        }
        if (text == null || text.isBlank()) {
            throw new BadRequestException("import.error.empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new BadRequestException("import.error.tooLong", MAX_CHARS);
        }
        ParsedPlan parsed = parser.parse(text);
        String path = user.scope().divisionPath();
        String own = path.substring(path.lastIndexOf('/') + 1);
        PlanKind kind = PlanKind.parse(parsed.kindHint());
        String title = parsed.title() != null ? parsed.title()
                : sourceName != null && !sourceName.isBlank() ? sourceName.replaceFirst("\\.[A-Za-z]+$", "") : "";
        var meta = new ImportState.Meta((kind == null ? PlanKind.IMPLEMENTATION_PLAN : kind).name(), title,
                str(parsed.periodStart()), str(parsed.periodEnd()), nz(parsed.issuingBody()),
                nz(parsed.documentNumber()), parsed.issuedOn() == null ? "" : parsed.issuedOn().toString(), own,
                PlanStatus.DRAFT.name());
        var state = new ImportState(parsed, meta, new LinkedHashMap<>(), new LinkedHashSet<>());
        return drafts.create(user, sourceName, text, state);
    }

    @Transactional(readOnly = true)
    public Preview preview(CurrentUser user, long draftId) {
        ImportDrafts.Draft d = drafts.load(user, draftId);
        ImportState state = d.state();
        String path = matchingPath(user, state.meta().divisionCode());
        Map<String, Integer> names = ImportPlanner.names(state.parsed());
        Map<String, UnitMatch> matches = units.resolveNames(names.keySet(), path);
        List<MemberUnitRef> choices = units.activeUnitsFor(path);
        Map<String, ImportPlanner.Outcome> outcomes = ImportPlanner.outcomes(state, matches, choices);
        int i = 0;
        List<Preview.NameRow> rows = new java.util.ArrayList<>();
        for (var e : names.entrySet()) {
            ImportPlanner.Outcome o = outcomes.get(e.getKey());
            rows.add(new Preview.NameRow(i++, e.getKey(), e.getValue(), matches.get(e.getKey()),
                    state.choice(e.getKey()), o.kind(), o.unitName()));
        }
        List<Preview.Node> tree = ImportPlanner.tree(state, outcomes);
        return new Preview(d.id(), d.version(), d.sourceName(), state.meta(), state.parsed().warnings(), rows, tree,
                ImportPlanner.counts(tree, outcomes), choices);
    }

    /** Stores the user's corrections; returns the draft's new version. */
    public int update(CurrentUser user, long draftId, int version, Corrections c) {
        ImportDrafts.Draft d = drafts.load(user, draftId);
        ImportState state = d.state();
        List<String> names = List.copyOf(ImportPlanner.names(state.parsed()).keySet());
        Map<String, ImportState.NameChoice> byName = new LinkedHashMap<>(state.names());
        c.choices().forEach((index, choice) -> {
            if (index >= 0 && index < names.size() && ImportState.ACTIONS.contains(choice.action())) {
                byName.put(names.get(index), choice);
            }
        });
        Set<Integer> skipped = new LinkedHashSet<>();
        for (Integer s : c.skipped()) {
            if (s >= 0 && s < state.parsed().tasks().size()) {
                skipped.add(s);
            }
        }
        return drafts.update(user, draftId, version, state.with(c.meta(), byName, skipped));
    }

    /** Writes the plan from the draft at {@code version} and deletes the draft; everything or nothing. */
    public Saved save(CurrentUser user, long draftId, int version) {
        ImportDrafts.Draft d = drafts.load(user, draftId);
        ImportState state = d.state();
        ImportState.Meta m = state.meta();
        PlanData data = PlanCommands.checked(new PlanData(PlanKind.parse(m.kind()), m.title(), year(m.periodStart()),
                year(m.periodEnd()), m.issuingBody(), m.documentNumber(), date(m.issuedOn()), m.divisionCode()));
        Division division = plans.placeFor(user, data.divisionCode());
        PlanStatus status = PlanStatus.IN_FORCE.name().equals(m.status()) ? PlanStatus.IN_FORCE : PlanStatus.DRAFT;
        Map<String, ImportPlanner.Outcome> outcomes = ImportPlanner.outcomes(state,
                units.resolveNames(ImportPlanner.names(state.parsed()).keySet(), division.path()),
                units.activeUnitsFor(division.path()));
        for (var e : outcomes.entrySet()) {
            ImportState.NameChoice c = state.choice(e.getKey());
            if ("UNIT".equals(c.action()) && !"LINK".equals(e.getValue().kind())) {
                throw new BadRequestException("import.error.unitChoice", e.getKey());
            }
        }
        Saved saved = write(user, data, division, status, state, outcomes, d.sourceText(), d.sourceName());
        drafts.consume(user, draftId, version);
        return saved;
    }

    public void discard(CurrentUser user, long draftId) {
        drafts.delete(user, draftId);
    }

    /**
     * Imports a text without a caller and without corrections (demo data): names link to the units they match,
     * the others are kept as written. Audited as the system.
     */
    public Saved importAsSystem(Division division, String text, String sourceName, PlanStatus status) {
        ParsedPlan parsed = parser.parse(text);
        PlanKind kind = PlanKind.parse(parsed.kindHint());
        PlanData data = PlanCommands.checked(new PlanData(kind == null ? PlanKind.IMPLEMENTATION_PLAN : kind,
                parsed.title() == null ? sourceName : parsed.title(), parsed.periodStart(), parsed.periodEnd(),
                parsed.issuingBody(), parsed.documentNumber(), parsed.issuedOn(), division.code()));
        var state = new ImportState(parsed, null, Map.of(), Set.of());
        Map<String, ImportPlanner.Outcome> outcomes = ImportPlanner.outcomes(state,
                units.resolveNames(ImportPlanner.names(parsed).keySet(), division.path()),
                units.activeUnitsFor(division.path()));
        return write(null, data, division, status, state, outcomes, text, sourceName);
    }

    private Saved write(CurrentUser user, PlanData data, Division division, PlanStatus status, ImportState state,
            Map<String, ImportPlanner.Outcome> outcomes, String sourceText, String sourceName) {
        long planId = writer.insertPlan(data, division, status, sourceText, user == null ? null : user.id());
        Map<String, Long> created = new HashMap<>();
        int aliases = 0;
        for (var e : outcomes.entrySet()) {
            ImportPlanner.Outcome o = e.getValue();
            if ("NEW".equals(o.kind()) && usedIn(state, e.getKey())) {
                created.put(e.getKey(), units.createUnit(user, e.getKey(), UnitType.guess(e.getKey()),
                        division.code()));
            }
            if ("LINK".equals(o.kind()) && o.saveAlias() && user != null && usedIn(state, e.getKey())) {
                MemberUnitRef unit = units.find(o.unitId()).orElseThrow();
                boolean known = units.resolveName(e.getKey(), division.path())
                        .filter(mt -> mt.unit().id() == unit.id()).isPresent();
                if (!known && !UnitNames.key(e.getKey()).equals(UnitNames.key(unit.name()))) {
                    units.addAlias(user, unit.id(), e.getKey());
                    aliases++;
                }
            }
        }
        int[] counts = new int[5];
        List<ParsedTask> top = state.parsed().tasks();
        int sort = 10;
        for (int i = 0; i < top.size(); i++) {
            if (!state.skipped().contains(i)) {
                writeTask(planId, null, top.get(i), sort, Set.of(), outcomes, created, counts);
                sort += 10;
            }
        }
        Saved saved = new Saved(planId, counts[0], counts[1], counts[2], counts[3], aliases, counts[4]);
        Map<String, Object> after = new LinkedHashMap<>(writer.planSnapshot(planId));
        after.put("source", sourceName == null ? "" : sourceName);
        after.put("links", saved.links());
        after.put("linkedLinks", saved.linked());
        after.put("newUnits", created.keySet());
        after.put("aliases", aliases);
        after.put("targets", saved.targets());
        audit.record("IMPORT", "plan", planId, null, after);
        return saved;
    }

    private void writeTask(long planId, Long parentId, ParsedTask t, int sort, Set<KeyGroup> inherited,
            Map<String, ImportPlanner.Outcome> outcomes, Map<String, Long> created, int[] counts) {
        Set<KeyGroup> groups = KeyGroupHints.of(t.title(), inherited);
        String title = t.title() == null || t.title().isBlank() ? "（无标题）" : t.title().strip();
        if (title.length() > 500) {
            title = title.substring(0, 499) + "…";
        }
        String numbering = t.numbering() == null ? "" : t.numbering().strip();
        if (numbering.length() > 20) {
            numbering = numbering.substring(0, 20);
        }
        long id = writer.insertTask(planId, parentId, numbering, t.style().name(), sort, title, t.text(), null,
                groups, t.line());
        counts[0]++;
        int order = 0;
        for (ImportPlanner.Link l : ImportPlanner.links(ImportPlanner.names(t.leadUnits(), outcomes),
                ImportPlanner.names(t.cooperatingUnits(), outcomes))) {
            Preview.Name n = l.name();
            Long unitId = switch (n.outcome()) {
                case "LINK" -> n.unitId();
                case "NEW" -> created.get(n.written());
                default -> null;
            };
            writer.insertLink(id, l.lead() ? ActionRole.LEAD : ActionRole.COOPERATING, unitId, n.written(), order++);
            counts[1]++;
            if ("LINK".equals(n.outcome())) {
                counts[2]++;
            } else if ("NEW".equals(n.outcome())) {
                counts[3]++;
            }
        }
        int tOrder = 0;
        for (TargetProposal p : t.targets()) {
            if (p.quantity() == null || p.subject() == null) {
                continue;
            }
            writer.insertTarget(id, cut(p.subject(), 200), p.quantity(), p.unitOfMeasure() == null ? null
                    : cut(p.unitOfMeasure(), 20), p.comparator() == null ? "EXACTLY" : p.comparator().name(),
                    p.deadlineYear(), p.sentence(), tOrder++);
            counts[4]++;
        }
        int childSort = 10;
        for (ParsedTask c : t.children()) {
            writeTask(planId, id, c, childSort, groups, outcomes, created, counts);
            childSort += 10;
        }
    }

    /** Whether a name is used by an item that is imported (not under a skipped top-level item). */
    private static boolean usedIn(ImportState state, String name) {
        List<ParsedTask> top = state.parsed().tasks();
        for (int i = 0; i < top.size(); i++) {
            if (!state.skipped().contains(i) && uses(top.get(i), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean uses(ParsedTask t, String name) {
        if (t.leadUnits().stream().anyMatch(n -> ImportPlanner.clean(n).equals(name))
                || t.cooperatingUnits().stream().anyMatch(n -> ImportPlanner.clean(n).equals(name))) {
            return true;
        }
        return t.children().stream().anyMatch(c -> uses(c, name));
    }

    /** The path names are matched from: the chosen division if the caller may place a plan there, else their own. */
    private String matchingPath(CurrentUser user, String divisionCode) {
        if (divisionCode != null && !divisionCode.isBlank()) {
            var d = divisions.find(divisionCode.strip()).orElse(null);
            if (d != null && user.scope().coversPath(d.path())) {
                return d.path();
            }
        }
        return user.scope().divisionPath();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String str(Integer i) {
        return i == null ? "" : i.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static Integer year(String s) {
        String v = s == null ? "" : s.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("\\d{4}")) {
            throw new BadRequestException("plan.error.year");
        }
        return Integer.valueOf(v);
    }

    static java.time.LocalDate date(String s) {
        String v = s == null ? "" : s.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException("plan.error.issuedOn");
        }
    }
}
