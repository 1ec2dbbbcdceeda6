package org.kepu.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.indicator.internal.Areas;
import org.kepu.indicator.internal.IndicatorEngine;
import org.kepu.indicator.internal.IndicatorEngine.Plan;
import org.kepu.indicator.internal.IndicatorStore;
import org.kepu.indicator.internal.TargetRules;
import org.kepu.indicator.internal.TargetStore;
import org.kepu.indicator.internal.TargetStore.Row;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Period;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.kepu.shared.ScopeSql;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets of indicators per division and deadline, and their status. Reading needs the target's division inside
 * the caller's division scope (else "not found"; member-unit callers have no targets); creating, changing and
 * deleting needs an office admin whose scope covers the division (else "forbidden"). Changes are audited and
 * carry a version (a stale one is a conflict).
 *
 * <p>For the plan module: {@link #create(long, String, LocalDate, TargetComparator, BigDecimal, String)} binds a
 * target found in a plan's text; {@link #progress(long)} gives its status.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class TargetService {

    private final TargetStore store;
    private final IndicatorStore indicators;
    private final IndicatorEngine engine;
    private final Areas areas;
    private final DivisionService divisions;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal tolerance;

    TargetService(TargetStore store, IndicatorStore indicators, IndicatorEngine engine, Areas areas,
            DivisionService divisions, AuditLog audit, Clock clock,
            @Value("${kepu.indicator.at-risk-ratio:0.8}") BigDecimal tolerance) {
        this.store = store;
        this.indicators = indicators;
        this.engine = engine;
        this.areas = areas;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** A target from 1 January (see {@link TargetInput}) with baseline 0. */
    @Transactional
    public Target create(long indicatorId, String divisionCode, LocalDate deadline, TargetComparator comparator,
            BigDecimal value, String sourceNote) {
        return doCreate(new TargetInput(indicatorId, divisionCode, null, null, deadline, comparator, value,
                sourceNote));
    }

    @Transactional
    public Target create(TargetInput input) {
        return doCreate(input);
    }

    private Target doCreate(TargetInput input) {
        CurrentUser user = CurrentUsers.require();
        Checked c = check(user, input);
        long id = store.insert(c.indicator().id(), c.division().code(), c.division().path(), c.start(),
                c.baseline(), input.deadline(), input.comparator(), input.targetValue(), c.note(), user.id());
        Target created = toTarget(store.find(id).orElseThrow());
        audit.record("CREATE", "indicator_target", id, null, snapshot(created));
        return created;
    }

    @Transactional
    public Target update(long id, int version, TargetInput input) {
        CurrentUser user = CurrentUsers.require();
        Target before = writable(user, id);
        Checked c = check(user, input);
        store.update(id, version, c.indicator().id(), c.division().code(), c.division().path(), c.start(),
                c.baseline(), input.deadline(), input.comparator(), input.targetValue(), c.note());
        Target after = toTarget(store.find(id).orElseThrow());
        audit.record("UPDATE", "indicator_target", id, snapshot(before), snapshot(after));
        return after;
    }

    @Transactional
    public void delete(long id, int version) {
        CurrentUser user = CurrentUsers.require();
        Target before = writable(user, id);
        store.delete(id, version);
        audit.record("DELETE", "indicator_target", id, snapshot(before), null);
    }

    /** The target, if the caller may read it; else {@link NotFoundException}. */
    public Target get(long id) {
        Row r = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!readable(CurrentUsers.require().scope(), r.divisionPath())) {
            throw new NotFoundException("error.notFound");
        }
        return toTarget(r);
    }

    /** True when the caller may change the target (an office admin over its division). */
    public boolean canManage(Target t) {
        CurrentUser user = CurrentUsers.require();
        return user.is(Role.OFFICE_ADMIN) && user.scope().unitId() == null && user.scope().coversPath(t.divisionPath());
    }

    /**
     * The targets the caller may read, of one indicator when {@code indicatorId} is not null, in the subtree of
     * {@code divisionCode} when it is not null (it must lie in the scope), soonest deadline first.
     */
    public List<Target> list(Long indicatorId, String divisionCode) {
        CurrentUser user = CurrentUsers.require();
        Scope scope = user.scope();
        if (scope.none()) {
            throw new ForbiddenException("error.forbidden");
        }
        if (scope.unitId() != null) {
            return List.of();
        }
        String subtree = divisionCode == null || divisionCode.isBlank() ? null
                : areas.resolve(scope, divisionCode).division().path();
        List<Target> out = new ArrayList<>();
        for (Row r : store.list(ScopeSql.of(scope, "t.division_path", null), indicatorId, subtree)) {
            out.add(toTarget(r));
        }
        return out;
    }

    /** Where the target stands today (Asia/Shanghai). */
    public TargetProgress progress(long id) {
        return progress(id, today());
    }

    /** Where the target stands on {@code asOf}. */
    public TargetProgress progress(long id, LocalDate asOf) {
        return progress(get(id), asOf);
    }

    /** The status of targets the caller has read (e.g. from {@link #list}), today. */
    public List<TargetProgress> progress(List<Target> list) {
        LocalDate today = today();
        return list.stream().map(t -> progress(t, today)).toList();
    }

    TargetProgress progress(Target t, LocalDate asOf) {
        Indicator i = indicators.find(t.indicatorId()).orElseThrow();
        Division d = divisions.require(t.divisionCode());
        Period period = Period.range(t.startDate(), t.deadline());
        IndicatorValue v = engine.values(engine.plan(List.of(i)), d, null, period).get(i.id());
        return evaluate(t, i, v, asOf);
    }

    /**
     * For the cards: the target that applies to each indicator at exactly {@code division} for {@code year}, with
     * its status today. {@code yearValues} are the indicators' values for the year (reused when a target's period
     * is the year).
     */
    Map<Long, TargetProgress> applicableProgress(List<Indicator> list, Division division, int year,
            Map<Long, IndicatorValue> yearValues, Period yearPeriod) {
        if (!readable(CurrentUsers.require().scope(), division.path())) {
            return Map.of();
        }
        Map<Long, Row> rows = store.applicable(division.code(), year);
        LocalDate today = today();
        Map<Period, List<Indicator>> byPeriod = new LinkedHashMap<>();
        Map<Long, Indicator> byId = new HashMap<>();
        for (Indicator i : list) {
            Row r = rows.get(i.id());
            if (r != null) {
                byId.put(i.id(), i);
                Period p = Period.range(r.startDate(), r.deadline());
                if (!p.equals(yearPeriod)) {
                    byPeriod.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<Long, IndicatorValue> values = new HashMap<>(yearValues);
        byPeriod.forEach((p, inds) -> {
            Plan plan = engine.plan(inds);
            Map<Long, IndicatorValue> v = engine.values(plan, division, null, p);
            inds.forEach(i -> values.put(i.id(), v.get(i.id())));
        });
        Map<Long, TargetProgress> out = new HashMap<>();
        byId.forEach((id, i) -> {
            Target t = toTarget(rows.get(id), division.name());
            out.put(id, evaluate(t, i, values.get(id), today));
        });
        return out;
    }

    /**
     * For rankings: the target of {@code indicator} that applies at each of {@code children} for {@code year} (see
     * {@link #applicableProgress}), with its status today; {@code yearValues} are the children's values for the year
     * by division code. Two reads at most per period of the targets, whatever the number of children.
     */
    Map<String, TargetProgress> childProgress(Indicator indicator, Division parent, List<Division> children, int year,
            Map<String, IndicatorValue> yearValues) {
        if (!readable(CurrentUsers.require().scope(), parent.path()) || children.isEmpty()) {
            return Map.of();
        }
        Map<String, Division> byCode = new LinkedHashMap<>();
        children.forEach(c -> byCode.put(c.code(), c));
        Map<String, Row> rows = store.applicableAt(indicator.id(), byCode.keySet(), year);
        Period yearPeriod = Period.year(year);
        Map<String, IndicatorValue> values = new HashMap<>(yearValues);
        Map<Period, List<Division>> byPeriod = new LinkedHashMap<>();
        rows.forEach((code, r) -> {
            Period p = Period.range(r.startDate(), r.deadline());
            if (!p.equals(yearPeriod)) {
                byPeriod.computeIfAbsent(p, k -> new ArrayList<>()).add(byCode.get(code));
            }
        });
        Plan plan = engine.plan(List.of(indicator));
        byPeriod.forEach((p, divs) -> engine.byChild(plan, parent, divs, null, p)
                .forEach((path, v) -> divs.stream().filter(d -> d.path().equals(path))
                        .forEach(d -> values.put(d.code(), v.get(indicator.id())))));
        LocalDate today = today();
        Map<String, TargetProgress> out = new HashMap<>();
        rows.forEach((code, r) -> out.put(code, evaluate(toTarget(r, byCode.get(code).name()), indicator,
                values.get(code), today)));
        return out;
    }

    private TargetProgress evaluate(Target t, Indicator i, IndicatorValue v, LocalDate asOf) {
        TargetRules.Evaluation e = TargetRules.evaluate(t.comparator(), t.startDate(), t.deadline(), t.baseline(),
                t.targetValue(), v.value(), asOf, i.decimals(), tolerance);
        return new TargetProgress(t, v, e.expected(), e.elapsed(), e.status(), asOf);
    }

    /** Today in Asia/Shanghai, from the application clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Period.ZONE));
    }

    private record Checked(Indicator indicator, Division division, LocalDate start, BigDecimal baseline,
            String note) {
    }

    private Checked check(CurrentUser user, TargetInput in) {
        if (!user.is(Role.OFFICE_ADMIN) || user.scope().unitId() != null) {
            throw new ForbiddenException("error.forbidden");
        }
        Indicator indicator = indicators.find(in.indicatorId())
                .orElseThrow(() -> new BadRequestException("indicator.target.error.indicator"));
        String code = in.divisionCode() == null ? "" : in.divisionCode().strip();
        Division division = code.matches("[0-9]{2,12}") ? divisions.find(code).orElse(null) : null;
        if (division == null) {
            throw new BadRequestException("indicator.target.error.division");
        }
        if (!user.scope().coversPath(division.path())) {
            throw new ForbiddenException("error.forbidden");
        }
        if (in.deadline() == null) {
            throw new BadRequestException("indicator.target.error.deadline");
        }
        if (in.comparator() == null) {
            throw new BadRequestException("indicator.target.error.comparator");
        }
        if (in.targetValue() == null) {
            throw new BadRequestException("indicator.target.error.value");
        }
        checkNumber(in.targetValue());
        LocalDate start = in.startDate();
        if (start == null) {
            int year = Math.min(today().getYear(), in.deadline().getYear());
            start = LocalDate.of(year, 1, 1);
        }
        if (start.isAfter(in.deadline())) {
            throw new BadRequestException("indicator.target.error.startAfterDeadline");
        }
        if (start.getYear() < 1900 || in.deadline().getYear() > 2999) {
            throw new BadRequestException("indicator.target.error.deadline");
        }
        BigDecimal baseline = in.baseline() == null ? BigDecimal.ZERO : in.baseline();
        checkNumber(baseline);
        String note = in.sourceNote() == null || in.sourceNote().isBlank() ? null : in.sourceNote().strip();
        if (note != null && note.length() > 1000) {
            throw new BadRequestException("indicator.target.error.noteLong");
        }
        return new Checked(indicator, division, start, baseline, note);
    }

    private static void checkNumber(BigDecimal v) {
        if (v.abs().compareTo(new BigDecimal("1e15")) >= 0 || v.scale() > 6) {
            throw new BadRequestException("indicator.target.error.number");
        }
    }

    private Target writable(CurrentUser user, long id) {
        Row r = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!readable(user.scope(), r.divisionPath())) {
            throw new NotFoundException("error.notFound");
        }
        if (!user.is(Role.OFFICE_ADMIN) || !user.scope().coversPath(r.divisionPath())) {
            throw new ForbiddenException("error.forbidden");
        }
        return toTarget(r);
    }

    private static boolean readable(Scope scope, String path) {
        return !scope.none() && scope.unitId() == null && scope.coversPath(path);
    }

    private Target toTarget(Row r) {
        return toTarget(r, divisions.find(r.divisionCode()).map(Division::name).orElse(r.divisionCode()));
    }

    private static Target toTarget(Row r, String divisionName) {
        return new Target(r.id(), r.indicatorId(), r.indicatorCode(), r.indicatorName(), r.divisionCode(),
                r.divisionPath(), divisionName, r.startDate(), r.baseline(), r.deadline(), r.comparator(),
                r.targetValue(), r.sourceNote(), r.version());
    }

    private static Map<String, Object> snapshot(Target t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", t.indicatorCode());
        m.put("division", t.divisionCode());
        m.put("startDate", t.startDate().toString());
        m.put("baseline", t.baseline().toPlainString());
        m.put("deadline", t.deadline().toString());
        m.put("comparator", t.comparator().name());
        m.put("targetValue", t.targetValue().toPlainString());
        m.put("sourceNote", t.sourceNote());
        m.put("version", t.version());
        return m;
    }
}
