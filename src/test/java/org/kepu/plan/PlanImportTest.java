package org.kepu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.organization.ActionRole;
import org.kepu.organization.UnitMatch;
import org.kepu.plan.importing.ImportState;
import org.kepu.plan.importing.PlanImportService;
import org.kepu.plan.importing.Preview;
import org.kepu.plan.text.ChinesePlanTextParser;
import org.kepu.plan.text.ParsedPlan;
import org.kepu.plan.text.ParsedTask;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing the two seed plans: name matching with aliases, the preview's corrections, the all-or-nothing save,
 * the drafts' ownership, and the responsibility list the imported plan yields.
 */
@KepuIntegrationTest
class PlanImportTest {

    /** Names in seed 004 that are no member unit of the demo list (bodies outside the leading group). */
    static final Set<String> UNMATCHED_004 = Set.of("县社联", "县乡村振兴局", "县住建局", "县大数据中心",
            "县新时代文明促进中心", "县新时代文明实践中心");

    @Autowired
    PlanImportService imports;
    @Autowired
    PlanService plans;
    @Autowired
    JdbcClient jdbc;

    PlanTestWorld world;
    CurrentUser office;

    @BeforeEach
    void setUp() {
        world = new PlanTestWorld(jdbc).ensure();
        office = world.user("plan-import-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
    }

    private int update(long draft, int version, ImportState.Meta meta, Map<String, ImportState.NameChoice> byName,
            Set<Integer> skipped) {
        Preview p = imports.preview(office, draft);
        Map<Integer, ImportState.NameChoice> choices = new HashMap<>();
        for (Preview.NameRow r : p.names()) {
            if (byName.containsKey(r.name())) {
                choices.put(r.index(), byName.get(r.name()));
            }
        }
        return imports.update(office, draft, version, new PlanImportService.Corrections(meta, choices, skipped));
    }

    private static ImportState.Meta inForce(ImportState.Meta m) {
        return new ImportState.Meta(m.kind(), m.title(), m.periodStart(), m.periodEnd(), m.issuingBody(),
                m.documentNumber(), m.issuedOn(), m.divisionCode(), "IN_FORCE");
    }

    /** Tasks, and (task, unit-or-name) links after a unit named twice in one task is kept once, lead first. */
    private static int[] expected(List<ParsedTask> tasks) {
        int[] c = new int[3];
        for (ParsedTask t : tasks) {
            c[0]++;
            Set<String> names = new LinkedHashSet<>(t.leadUnits());
            names.addAll(t.cooperatingUnits());
            c[1] += names.size();
            c[2] += t.targets().size();
            int[] sub = expected(t.children());
            for (int i = 0; i < 3; i++) {
                c[i] += sub[i];
            }
        }
        return c;
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void seed004ImportsCleanlyAndGivesTheCountyAssociationItsResponsibilityList() {
        String text = PlanTestWorld.seed("004");
        ParsedPlan parsed = new ChinesePlanTextParser().parse(text);
        int[] want = expected(parsed.tasks());

        long draft = imports.start(office, "004.txt", text);
        Preview p = imports.preview(office, draft);
        assertThat(p.meta().title()).isEqualTo("寻乌县全民科学素质行动规划纲要实施方案（2021—2025年）");
        assertThat(p.meta().documentNumber()).isEqualTo("寻府办字〔2022〕5号");
        assertThat(p.meta().kind()).isEqualTo("IMPLEMENTATION_PLAN");
        assertThat(p.meta().divisionCode()).isEqualTo(PlanTestWorld.COUNTY);
        assertThat(p.names().stream().filter(n -> !n.matched()).map(Preview.NameRow::name))
                .containsExactlyInAnyOrderElementsOf(UNMATCHED_004);
        Map<String, UnitMatch> matched = new HashMap<>();
        p.names().stream().filter(Preview.NameRow::matched).forEach(n -> matched.put(n.name(), n.match()));
        assertThat(matched.get("县科创中心").unit().name()).isEqualTo("县科技创新中心");
        assertThat(matched.get("县科创中心").via()).isEqualTo(UnitMatch.Via.ALIAS);
        assertThat(matched.get("县市场质量监管局").unit().name()).isEqualTo("县市场监督管理局");
        assertThat(matched.get("县体育局").unit().name()).isEqualTo("县教科体局");
        assertThat(matched.get("县科协").via()).isEqualTo(UnitMatch.Via.NAME);
        assertThat(p.counts().tasks()).isEqualTo(want[0]);
        assertThat(p.counts().links()).isEqualTo(want[1]);
        assertThat(p.counts().targets()).isEqualTo(want[2]).isPositive();

        int v = update(draft, p.version(), inForce(p.meta()), Map.of(), Set.of());
        PlanImportService.Saved saved = imports.save(office, draft, v);
        assertThat(saved.tasks()).isEqualTo(want[0]);
        assertThat(saved.links()).isEqualTo(want[1]);
        assertThat(count("select count(*) from plan_task where plan_id = :id", saved.planId())).isEqualTo(want[0]);
        assertThat(count("select count(*) from plan_task_unit l join plan_task t on t.id = l.task_id"
                + " where t.plan_id = :id", saved.planId())).isEqualTo(want[1]);
        long unlinked = count("select count(*) from plan_task_unit l join plan_task t on t.id = l.task_id"
                + " where t.plan_id = :id and l.unit_id is null", saved.planId());
        assertThat(saved.linked()).isEqualTo(want[1] - unlinked);
        assertThat(count("select count(distinct written_name) from plan_task_unit l join plan_task t"
                + " on t.id = l.task_id where t.plan_id = :id and l.unit_id is null", saved.planId()))
                .isEqualTo(UNMATCHED_004.size());
        assertThat(count("select count(*) from plan_task_target g join plan_task t on t.id = g.task_id"
                + " where t.plan_id = :id", saved.planId())).isEqualTo(want[2]);
        assertThat(count("select count(*) from audit_log where entity_type = 'plan' and action = 'IMPORT'"
                + " and entity_id = :id", String.valueOf(saved.planId()))).isEqualTo(1);
        assertThatThrownBy(() -> imports.preview(office, draft)).isInstanceOf(NotFoundException.class);

        PlanSummary plan = plans.get(office, saved.planId());
        assertThat(plan.status()).isEqualTo(PlanStatus.IN_FORCE);
        assertThat(plan.periodStart()).isEqualTo(2021);
        assertThat(plan.periodEnd()).isEqualTo(2025);
        List<PlanTask> flat = plans.tasks(office, saved.planId());
        PlanTask youth = flat.stream().filter(t -> t.title().equals("实施青少年科学素质提升行动")).findFirst().orElseThrow();
        assertThat(youth.numberingPath()).isEqualTo("二（一）");
        assertThat(youth.keyGroups()).containsExactly(KeyGroup.YOUTH);
        PlanTask first = flat.get(flat.indexOf(youth) + 1);
        assertThat(first.numberingPath()).isEqualTo("二（一）1．");
        assertThat(first.keyGroups()).containsExactly(KeyGroup.YOUTH);
        assertThat(first.leadUnits()).extracting(TaskUnit::displayName).containsExactly("县教科体局");
        assertThat(first.cooperatingUnits()).extracting(TaskUnit::displayName).containsExactly("县科协", "团县委");
        PlanTask innovation = flat.stream().filter(t -> t.title().equals("实施科技创新后备人才培育计划")).findFirst()
                .orElseThrow();
        TaskUnit viaAlias = innovation.cooperatingUnits().stream().filter(u -> u.writtenName().equals("县科创中心"))
                .findFirst().orElseThrow();
        assertThat(viaAlias.unitId()).isEqualTo(world.unitId("县科技创新中心"));
        assertThat(viaAlias.displayName()).isEqualTo("县科技创新中心");

        // 县科协 in seed 004: computed from the parsed text, and by hand (8 led, 23 cooperated in).
        int[] kexie = roles(parsed.tasks(), "县科协");
        ResponsibilityList list = plans.tasksForUnit(office, world.unitId("县科协"), false);
        ResponsibilityList.PlanPart part = list.plans().stream().filter(pp -> pp.plan().id() == saved.planId())
                .findFirst().orElseThrow();
        long lead = part.items().stream().filter(i -> i.role() == ActionRole.LEAD).count();
        long coop = part.items().stream().filter(i -> i.role() == ActionRole.COOPERATING).count();
        assertThat(lead).isEqualTo(kexie[0]).isEqualTo(8);
        assertThat(coop).isEqualTo(kexie[1]).isEqualTo(23);
        assertThat(part.items()).anySatisfy(i -> {
            assertThat(i.numberingPath()).isEqualTo("二（四）3．");
            assertThat(i.title()).isEqualTo("实施银龄科普行动");
            assertThat(i.role()).isEqualTo(ActionRole.LEAD);
            assertThat(i.keyGroups()).containsExactly(KeyGroup.ELDERLY);
        });
        assertThat(part.items().get(0).numberingPath()).isEqualTo("二（一）1．");
        assertThat(part.items().get(0).leadUnits()).containsExactly("县教科体局");
    }

    /** {led, cooperated in} for {@code unit} over the parsed tree, a unit named as lead counted as lead only. */
    private static int[] roles(List<ParsedTask> tasks, String unit) {
        int[] c = new int[2];
        for (ParsedTask t : tasks) {
            if (t.leadUnits().contains(unit)) {
                c[0]++;
            } else if (t.cooperatingUnits().contains(unit)) {
                c[1]++;
            }
            int[] sub = roles(t.children(), unit);
            c[0] += sub[0];
            c[1] += sub[1];
        }
        return c;
    }

    @Test
    void theUserResolvesNamesAndASaveThatFailsLeavesNothingBehind() {
        long draft = imports.start(office, null, PlanTestWorld.seed("004"));
        Preview p = imports.preview(office, draft);
        assertThat(p.meta().title()).isNotBlank();
        long media = world.unitId("县气象局");
        long kexie = world.unitId("县科协");
        long plansBefore = count("select count(*) from plan where division_code = :id", PlanTestWorld.COUNTY);
        Map<String, ImportState.NameChoice> choices = new LinkedHashMap<>();
        choices.put("县社联", new ImportState.NameChoice("NEW", null, false));
        choices.put("县大数据中心", new ImportState.NameChoice("UNIT", media, true));
        choices.put("县新时代文明促进中心", new ImportState.NameChoice("DROP", null, false));
        // 县科创中心 is already 县科技创新中心's alias: saving it as 县科协's alias must fail the whole import.
        choices.put("县科创中心", new ImportState.NameChoice("UNIT", kexie, true));
        int v = update(draft, p.version(), p.meta(), choices, Set.of());
        int failedAt = v;
        assertThatThrownBy(() -> imports.save(office, draft, failedAt)).isInstanceOf(BadRequestException.class)
                .hasMessage("alias.error.taken");
        assertThat(count("select count(*) from plan where division_code = :id", PlanTestWorld.COUNTY))
                .isEqualTo(plansBefore);
        assertThat(count("select count(*) from member_unit where name = '县社联' and division_code = :id",
                PlanTestWorld.COUNTY)).isZero();
        assertThat(count("select count(*) from member_unit_alias where alias = '县大数据中心' and unit_id = :id",
                media)).isZero();
        assertThat(imports.preview(office, draft).version()).isEqualTo(v);

        // Corrected: 县科创中心 follows its alias again; everything else is saved together.
        choices.put("县科创中心", ImportState.NameChoice.AUTO);
        Preview before = imports.preview(office, draft);
        v = update(draft, v, before.meta(), choices, Set.of(before.tree().size() - 1));
        Preview checked = imports.preview(office, draft);
        assertThat(checked.tree().get(checked.tree().size() - 1).skipped()).isTrue();
        assertThat(checked.names()).filteredOn(n -> n.name().equals("县社联")).extracting(Preview.NameRow::outcome)
                .containsExactly("NEW");
        PlanImportService.Saved saved = imports.save(office, draft, v);
        assertThat(saved.newUnits()).isPositive();
        assertThat(saved.aliases()).isEqualTo(1);
        long sheLian = jdbc.sql("select id from member_unit where name = '县社联' and division_code = :c")
                .param("c", PlanTestWorld.COUNTY).query(Long.class).single();
        assertThat(jdbc.sql("select unit_type from member_unit where id = :id").param("id", sheLian)
                .query(String.class).single()).isEqualTo("PEOPLES_ORGANIZATION");
        assertThat(count("select count(*) from member_unit_alias where alias = '县大数据中心' and unit_id = :id",
                media)).isEqualTo(1);
        List<PlanTask> flat = plans.tasks(office, saved.planId());
        List<String> written = new ArrayList<>();
        flat.forEach(t -> t.units().forEach(u -> written.add(u.writtenName())));
        assertThat(written).doesNotContain("县新时代文明促进中心").contains("县社联", "县大数据中心");
        assertThat(flat.stream().flatMap(t -> t.units().stream()).filter(u -> u.writtenName().equals("县社联")))
                .allSatisfy(u -> assertThat(u.unitId()).isEqualTo(sheLian));
        assertThat(flat.stream().flatMap(t -> t.units().stream()).filter(u -> u.writtenName().equals("县大数据中心")))
                .isNotEmpty().allSatisfy(u -> assertThat(u.unitId()).isEqualTo(media));
        // The skipped last part (the member units' duties) is not in the plan.
        assertThat(flat).noneMatch(t -> t.title().contains("成员单位职责"));
        assertThat(count("select count(*) from member_unit_alias where alias = '县科创中心' and unit_id = :id",
                kexie)).isZero();
    }

    @Test
    void draftsBelongToTheirOwnerAndGoStale() {
        CurrentUser other = world.user("plan-import-other", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
        CurrentUser leader = world.user("plan-import-leader", Role.LEADER, PlanTestWorld.COUNTY);
        long draft = imports.start(office, null, PlanTestWorld.seed("003"));
        assertThatThrownBy(() -> imports.preview(other, draft)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.save(other, draft, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.start(leader, null, "一、任务")).hasMessage("error.forbidden");
        Preview p = imports.preview(office, draft);
        int v = update(draft, p.version(), p.meta(), Map.of(), Set.of());
        assertThatThrownBy(() -> update(draft, p.version(), p.meta(), Map.of(), Set.of()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> imports.save(office, draft, p.version())).isInstanceOf(ConflictException.class);
        jdbc.sql("update plan_import_draft set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", draft).update();
        assertThatThrownBy(() -> imports.save(office, draft, v)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.start(office, null, "  ")).hasMessage("import.error.empty");
    }

    @Test
    void seed003ImportsAsAnnualWorkPointsWithoutUnitNames() {
        String text = PlanTestWorld.seed("003");
        int[] want = expected(new ChinesePlanTextParser().parse(text).tasks());
        long draft = imports.start(office, "忠县2024年科普工作要点.txt", text);
        Preview p = imports.preview(office, draft);
        assertThat(p.names()).isEmpty();
        assertThat(p.meta().kind()).isEqualTo("ANNUAL_POINTS");
        assertThat(p.meta().periodStart()).isEqualTo("2024");
        PlanImportService.Saved s = imports.save(office, draft, p.version());
        assertThat(s.tasks()).isEqualTo(want[0]).isEqualTo(19);
        assertThat(s.links()).isZero();
        PlanSummary plan = plans.get(office, s.planId());
        assertThat(plan.documentNumber()).isEqualTo("忠科普联办〔2024〕2号");
        assertThat(plan.issuedOn()).hasToString("2024-07-31");
        List<PlanTask> flat = plans.tasks(office, s.planId());
        assertThat(flat.stream().filter(t -> t.numbering().startsWith("7")).findFirst().orElseThrow().keyGroups())
                .containsExactlyInAnyOrder(KeyGroup.ELDERLY, KeyGroup.COMMUNITY);
        assertThat(flat.stream().filter(t -> t.numbering().startsWith("4")).findFirst().orElseThrow().keyGroups())
                .containsExactly(KeyGroup.YOUTH);
    }

    @Test
    void textWithoutNumberingBecomesAFlatListToFix() {
        long draft = imports.start(office, null, "开展科普宣传\n组织科普培训（县科协负责）\n\n建设科普阵地");
        Preview p = imports.preview(office, draft);
        assertThat(p.tree()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(p.tree()).allSatisfy(n -> assertThat(n.children()).isEmpty());
        assertThat(p.warnings()).isNotEmpty();
        // Saving needs a title when the text has none.
        ImportState.Meta m = p.meta();
        int v = update(draft, p.version(), new ImportState.Meta(m.kind(), "", m.periodStart(), m.periodEnd(),
                m.issuingBody(), m.documentNumber(), m.issuedOn(), m.divisionCode(), m.status()), Map.of(), Set.of());
        assertThatThrownBy(() -> imports.save(office, draft, v)).hasMessage("plan.error.titleRequired");
    }
}
