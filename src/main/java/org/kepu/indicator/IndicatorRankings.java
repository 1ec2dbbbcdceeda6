package org.kepu.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kepu.indicator.internal.Areas;
import org.kepu.indicator.internal.Areas.Area;
import org.kepu.indicator.internal.IndicatorEngine;
import org.kepu.indicator.internal.IndicatorStore;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings of the child divisions of an area (the townships of a county …) by one indicator for a year: the value,
 * the value per 10,000 residents, and how much of each child's own target is done. One read of the value cache for
 * all children, one query for their targets.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class IndicatorRankings {

    /** What the ranking is ordered by. */
    public enum Order {
        VALUE, PER_10K, COMPLETION;

        /** {@code value}, {@code per10k}, {@code completion}; anything else ranks by value. */
        public static Order parse(String s) {
            if ("per10k".equals(s)) {
                return PER_10K;
            }
            return "completion".equals(s) ? COMPLETION : VALUE;
        }

        public String param() {
            return switch (this) {
                case VALUE -> "value";
                case PER_10K -> "per10k";
                case COMPLETION -> "completion";
            };
        }
    }

    /**
     * A ranking: the rows, and the order they are in — the one asked for, or by value when no row has the figure
     * asked for (per 10,000 residents of a ratio indicator, completion where no child has a target).
     */
    public record Ranking(Order order, List<DivisionRank> rows) {
    }

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final IndicatorStore store;
    private final IndicatorEngine engine;
    private final Areas areas;
    private final DivisionService divisions;
    private final TargetService targets;

    IndicatorRankings(IndicatorStore store, IndicatorEngine engine, Areas areas, DivisionService divisions, TargetService targets) {
        this.store = store;
        this.engine = engine;
        this.areas = areas;
        this.divisions = divisions;
        this.targets = targets;
    }

    /**
     * The children of {@code divisionCode} (null: the top of the caller's scope, which must cover it, else "not
     * found") ranked by {@code order}, highest first, rows without that figure last.
     */
    public Ranking children(long indicatorId, String divisionCode, int year, Order asked) {
        Area a = areas.resolve(CurrentUsers.require(), divisionCode);
        Indicator indicator = store.find(indicatorId).orElseThrow(() -> new NotFoundException("error.notFound"));
        List<Division> children = divisions.children(a.division().code());
        Map<String, Map<Long, IndicatorValue>> byChild = engine.byChild(engine.plan(List.of(indicator)),
                a.division(), children, a.unitId(), Period.year(year));
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        children.forEach(c -> values.put(c.code(), byChild.get(c.path()).get(indicator.id())));
        Map<String, TargetProgress> progress = a.unitId() == null
                ? targets.childProgress(indicator, a.division(), children, year, values) : Map.of();
        boolean ratio = isRatio(indicator);
        List<DivisionRank> rows = new ArrayList<>();
        for (Division c : children) {
            IndicatorValue v = values.get(c.code());
            TargetProgress t = progress.get(c.code());
            rows.add(new DivisionRank(0, c.code(), c.name(), c.population(), v, ratio ? null : per10k(v,
                    c.population()), t, completion(t)));
        }
        Order order = rows.stream().anyMatch(r -> key(asked).apply(r) != null) ? asked : Order.VALUE;
        Function<DivisionRank, BigDecimal> key = key(order);
        rows.sort(Comparator.comparing(key, Comparator.nullsLast(Comparator.reverseOrder())));
        List<DivisionRank> ranked = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int n = 0; n < rows.size(); n++) {
            DivisionRank r = rows.get(n);
            BigDecimal k = key.apply(r);
            boolean tie = n > 0 && (k == null ? previous == null : previous != null && k.compareTo(previous) == 0);
            rank = tie ? rank : n + 1;
            previous = k;
            ranked.add(new DivisionRank(rank, r.divisionCode(), r.divisionName(), r.population(), r.value(),
                    r.per10k(), r.target(), r.completion()));
        }
        return new Ranking(order, ranked);
    }

    /** The figure a row is ranked by. */
    public static Function<DivisionRank, BigDecimal> key(Order order) {
        return switch (order) {
            case VALUE -> r -> r.value().value();
            case PER_10K -> DivisionRank::per10k;
            case COMPLETION -> DivisionRank::completion;
        };
    }

    /** True when the indicator is itself a ratio (its formula divides), so a figure per resident means nothing. */
    public static boolean isRatio(Indicator i) {
        return i.formula().contains("/");
    }

    static BigDecimal per10k(IndicatorValue v, Integer population) {
        if (v == null || v.value() == null || population == null || population <= 0) {
            return null;
        }
        return v.value().multiply(TEN_THOUSAND).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal completion(TargetProgress t) {
        if (t == null || t.value() == null || t.value().value() == null
                || t.target().comparator() == TargetComparator.AT_MOST || t.target().targetValue().signum() <= 0) {
            return null;
        }
        return t.value().value().multiply(HUNDRED).divide(t.target().targetValue(), 1, RoundingMode.HALF_UP);
    }
}
