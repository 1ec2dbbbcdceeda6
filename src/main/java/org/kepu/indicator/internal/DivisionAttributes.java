package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kepu.indicator.internal.FormulaEvaluator.Val;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.springframework.stereotype.Component;

/**
 * The division attributes formulas may use: {@code population} (the division's own resident population as
 * recorded in 行政区划), {@code villages} (村（社区） in its subtree) and {@code townships} (乡镇（街道） in its
 * subtree). Counts are kept in memory for a few minutes: the province has 20,000 villages and a dashboard asks for
 * them on every view; divisions change rarely (an import, an edit).
 */
@Component
public class DivisionAttributes {

    public static final String POPULATION = "population";
    public static final String VILLAGES = "villages";
    public static final String TOWNSHIPS = "townships";
    public static final Set<String> NAMES = Set.of(POPULATION, VILLAGES, TOWNSHIPS);

    private static final Duration TTL = Duration.ofMinutes(5);

    private record Counted(long value, long at) {
    }

    private final DivisionService divisions;
    private final Map<String, Counted> counts = new ConcurrentHashMap<>();

    DivisionAttributes(DivisionService divisions) {
        this.divisions = divisions;
    }

    public static boolean isAttribute(String code) {
        return NAMES.contains(code);
    }

    /** The attribute's value for the division (may be none, with a reason). */
    public Val value(String attribute, Division d) {
        return switch (attribute) {
            case POPULATION -> d.population() == null
                    ? Val.none("indicator.value.noPopulation", d.name())
                    : Val.of(BigDecimal.valueOf(d.population()));
            case VILLAGES -> Val.of(BigDecimal.valueOf(count(d, Division.VILLAGE)));
            case TOWNSHIPS -> Val.of(BigDecimal.valueOf(count(d, Division.TOWNSHIP)));
            default -> throw new IllegalArgumentException(attribute);
        };
    }

    private long count(Division d, int level) {
        if (d.level() > level) {
            return 0;
        }
        if (d.level() == level) {
            return 1;
        }
        String key = level + ":" + d.path();
        long now = System.nanoTime();
        Counted c = counts.get(key);
        if (c == null || now - c.at() > TTL.toNanos()) {
            c = new Counted(divisions.inSubtree(d.path(), level).size(), now);
            counts.put(key, c);
        }
        return c.value();
    }

    /** Forgets the counts (tests that change divisions). */
    public void clear() {
        counts.clear();
    }
}
