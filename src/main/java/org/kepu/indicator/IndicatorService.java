package org.kepu.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.indicator.internal.Areas;
import org.kepu.indicator.internal.Areas.Area;
import org.kepu.indicator.internal.IndicatorEngine;
import org.kepu.indicator.internal.IndicatorEngine.Plan;
import org.kepu.indicator.internal.IndicatorStore;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Period;
import org.kepu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators and their values, for the pages of this module and for other modules (plans, dashboards). Every value
 * is computed for a division subtree inside the caller's scope (a division outside it is "not found", platform
 * admins are refused) over a {@link Period}; a member unit's caller gets values over the unit's own records.
 * Values come from the value cache and are exact at every moment (see docs/architecture.md, "Indicator values").
 *
 * <p>Reads run in one REPEATABLE READ read-only transaction, so every figure of a page comes from one snapshot.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class IndicatorService {

    private final IndicatorStore store;
    private final IndicatorEngine engine;
    private final Areas areas;
    private final DivisionService divisions;
    private final TargetService targets;

    IndicatorService(IndicatorStore store, IndicatorEngine engine, Areas areas, DivisionService divisions,
            TargetService targets) {
        this.store = store;
        this.engine = engine;
        this.areas = areas;
        this.divisions = divisions;
        this.targets = targets;
    }

    /** The active indicators in display order (definitions, the same for everybody). */
    public List<Indicator> list() {
        return store.active();
    }

    /** Every indicator, inactive ones included. */
    public List<Indicator> listAll() {
        return store.all();
    }

    public Optional<Indicator> find(long id) {
        return store.find(id);
    }

    public Optional<Indicator> findByCode(String code) {
        return store.byCode(code);
    }

    public Indicator get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The indicator's value for the division subtree {@code divisionCode} (null: the caller's scope) and period. */
    public IndicatorValue value(long indicatorId, String divisionCode, Period period) {
        return valueWithin(CurrentUsers.require().scope(), indicatorId, divisionCode, period);
    }

    /**
     * As {@link #value}, for a given scope instead of the caller's — for scheduled jobs that act for the office
     * of a division (the caller vouches for the scope).
     */
    public IndicatorValue valueWithin(Scope scope, long indicatorId, String divisionCode, Period period) {
        Area a = areas.resolve(scope, divisionCode);
        return engine.values(engine.plan(indicatorId), a.division(), a.unitId(), period).get(indicatorId);
    }

    /** The values of the given indicators (all active ones when null), by indicator id, in display order. */
    public Map<Long, IndicatorValue> values(List<Long> indicatorIds, String divisionCode, Period period) {
        Area a = areas.resolve(CurrentUsers.require(), divisionCode);
        List<Indicator> list = indicatorIds == null ? store.active()
                : indicatorIds.stream().map(this::get).toList();
        return engine.values(engine.plan(list), a.division(), a.unitId(), period);
    }

    /** The division the values of {@code divisionCode} (null: the caller's scope) are about; checks the scope. */
    public Division area(String divisionCode) {
        return areas.resolve(CurrentUsers.require(), divisionCode).division();
    }

    /**
     * The indicator for each child division of {@code divisionCode} (townships of a county, villages of a
     * township …), highest value first, rows without a value last; plus the parent's own records (本级) when there
     * are any.
     */
    public List<ChildValue> ranking(long indicatorId, String divisionCode, Period period) {
        Indicator i = get(indicatorId);
        Area a = areas.resolve(CurrentUsers.require(), divisionCode);
        List<Division> children = divisions.children(a.division().code());
        Map<String, Map<Long, IndicatorValue>> byChild = engine.byChild(engine.plan(List.of(i)), a.division(),
                children, a.unitId(), period);
        List<ChildValue> rows = new ArrayList<>();
        for (Division c : children) {
            rows.add(new ChildValue(c.code(), c.name(), false, byChild.get(c.path()).get(i.id())));
        }
        rows.sort(Comparator.comparing((ChildValue r) -> r.value().value(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        Map<Long, IndicatorValue> own = byChild.get(a.division().path());
        if (own != null) {
            rows.add(new ChildValue(a.division().code(), a.division().name(), true, own.get(i.id())));
        }
        return rows;
    }

    /** The indicator's value for each month of {@code year} (each month on its own), with drill-downs. */
    public List<IndicatorCard.TrendPoint> trend(long indicatorId, String divisionCode, int year) {
        Indicator i = get(indicatorId);
        Area a = areas.resolve(CurrentUsers.require(), divisionCode);
        return trends(engine.plan(List.of(i)), a, year).get(i.id());
    }

    /**
     * Dashboard cards for every active indicator: the value for {@code year} in the division subtree
     * {@code divisionCode} (null: the caller's scope), the target that applies there (deadline in that year, else
     * the next one) with its status today, and the monthly trend.
     */
    public List<IndicatorCard> cards(String divisionCode, int year) {
        return cards(store.active(), divisionCode, year, true);
    }

    /** One card (see {@link #cards}). */
    public IndicatorCard card(long indicatorId, String divisionCode, int year) {
        return cards(List.of(get(indicatorId)), divisionCode, year, true).get(0);
    }

    /**
     * Cards without the trend for any period (the indicator list page): the targets are those that apply for the
     * period's (first) year.
     */
    public List<IndicatorCard> overview(String divisionCode, Period period) {
        return cards(store.active(), divisionCode, period, false);
    }

    /** The values of the data elements the indicator's formula uses, with their drill-downs. */
    public List<ElementValue> elementValues(long indicatorId, String divisionCode, Period period) {
        Indicator i = get(indicatorId);
        Area a = areas.resolve(CurrentUsers.require(), divisionCode);
        return engine.elementValues(engine.plan(List.of(i)), a.division(), a.unitId(), period);
    }

    private List<IndicatorCard> cards(List<Indicator> list, String divisionCode, int year, boolean withTrend) {
        return cards(list, divisionCode, Period.year(year), withTrend);
    }

    private List<IndicatorCard> cards(List<Indicator> list, String divisionCode, Period period, boolean withTrend) {
        Area a = areas.resolve(CurrentUsers.require(), divisionCode);
        int year = period.year();
        Plan plan = engine.plan(list);
        Map<Long, IndicatorValue> values = engine.values(plan, a.division(), a.unitId(), period);
        Map<Long, TargetProgress> progress = a.unitId() == null
                ? targets.applicableProgress(list, a.division(), year, values, period) : Map.of();
        Map<Long, List<IndicatorCard.TrendPoint>> trends = withTrend ? trends(plan, a, year) : Map.of();
        List<IndicatorCard> cards = new ArrayList<>();
        for (Indicator i : list) {
            cards.add(new IndicatorCard(i, a.division().code(), a.division().name(), period, values.get(i.id()),
                    progress.get(i.id()), trends.getOrDefault(i.id(), List.of())));
        }
        return cards;
    }

    private Map<Long, List<IndicatorCard.TrendPoint>> trends(Plan plan, Area a, int year) {
        Map<Long, List<IndicatorCard.TrendPoint>> out = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            Period month = Period.month(year, m);
            Map<Long, IndicatorValue> v = engine.values(plan, a.division(), a.unitId(), month);
            for (Indicator i : plan.indicators()) {
                IndicatorValue iv = v.get(i.id());
                out.computeIfAbsent(i.id(), k -> new ArrayList<>())
                        .add(new IndicatorCard.TrendPoint(month.start(), iv.value(), iv.link()));
            }
        }
        return out;
    }
}
