package org.kepu.indicator.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorValue;
import org.kepu.indicator.LedgerSource;
import org.kepu.indicator.LedgerSql;
import org.kepu.indicator.internal.FormulaEvaluator.Val;
import org.kepu.region.Division;
import org.kepu.shared.Period;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Computes indicator values: resolves the codes of the formulas (division attributes, data elements, other
 * indicators, transitively), reads all element values in one go through {@link ValueReader}, evaluates each
 * formula and attaches the drill-down of the formula's first data element. Callers check the scope and hold a
 * read-only REPEATABLE READ transaction.
 */
@Component
public class IndicatorEngine {

    private final IndicatorStore indicators;
    private final ElementStore elements;
    private final ValueReader reader;
    private final DivisionAttributes attributes;
    private final Sources sources;
    private final MessageSource messages;
    private final Map<String, Object> parsed = new ConcurrentHashMap<>();

    IndicatorEngine(IndicatorStore indicators, ElementStore elements, ValueReader reader,
            DivisionAttributes attributes, Sources sources, MessageSource messages) {
        this.indicators = indicators;
        this.elements = elements;
        this.reader = reader;
        this.attributes = attributes;
        this.sources = sources;
        this.messages = messages;
    }

    /** The definitions a set of indicators needs: every indicator and element reachable from their formulas. */
    public final class Plan {

        private final Map<String, Indicator> byCode = new HashMap<>();
        private final Map<String, DataElement> elementsByCode = new LinkedHashMap<>();
        private final List<Indicator> roots;

        private Plan(List<Indicator> roots) {
            this(roots, indicators.all());
        }

        private Plan(List<Indicator> givenRoots, List<Indicator> all) {
            all.forEach(i -> byCode.put(i.code(), i));
            List<Indicator> roots = givenRoots;
            if (roots == null) {
                roots = List.of();
            }
            this.roots = roots;
            Set<String> codes = new LinkedHashSet<>();
            Deque<Indicator> todo = new ArrayDeque<>(roots);
            Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                Indicator i = todo.pop();
                if (!seen.add(i.code())) {
                    continue;
                }
                Formula f = formula(i);
                if (f == null) {
                    continue;
                }
                for (String c : f.codes()) {
                    if (DivisionAttributes.isAttribute(c)) {
                        continue;
                    }
                    codes.add(c);
                    Indicator ref = byCode.get(c);
                    if (ref != null) {
                        todo.push(ref);
                    }
                }
            }
            Map<String, DataElement> found = new HashMap<>();
            elements.byCodes(codes).forEach(e -> found.put(e.code(), e));
            for (String c : codes) {
                if (found.containsKey(c)) {
                    elementsByCode.put(c, found.get(c));
                }
            }
        }

        public List<DataElement> elements() {
            return new ArrayList<>(elementsByCode.values());
        }

        public List<Indicator> indicators() {
            return roots;
        }

        /** The first data element the indicator's formula reaches (its drill-down), or null. */
        public DataElement firstElement(Indicator i) {
            return firstElement(i, new java.util.HashSet<>());
        }

        private DataElement firstElement(Indicator i, Set<String> seen) {
            Formula f = formula(i);
            if (f == null || !seen.add(i.code())) {
                return null;
            }
            for (String c : f.codes()) {
                DataElement e = elementsByCode.get(c);
                if (e != null) {
                    return e;
                }
                Indicator ref = byCode.get(c);
                if (ref != null) {
                    DataElement inner = firstElement(ref, seen);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return null;
        }

        /** Evaluates one indicator with the given element values (by element id) for the division. */
        public IndicatorValue evaluate(Indicator i, Map<Long, BigDecimal> values, Division d, Period period,
                boolean link) {
            Val v = eval(i, values, d, new ArrayDeque<>(), new HashMap<>());
            DataElement first = link ? firstElement(i) : null;
            String url = first == null ? null
                    : sources.find(first.source()).map(s -> s.drillDown(first, d.code(), period)).orElse(null);
            if (!v.present()) {
                return new IndicatorValue(null, "—", text(v.reasonKey(), v.reasonArgs()), url);
            }
            BigDecimal rounded = v.value().setScale(i.decimals(), RoundingMode.HALF_UP);
            return new IndicatorValue(rounded, rounded.toPlainString(), null, url);
        }

        private Val eval(Indicator i, Map<Long, BigDecimal> values, Division d, Deque<String> stack,
                Map<String, Val> done) {
            Val known = done.get(i.code());
            if (known != null) {
                return known;
            }
            if (stack.contains(i.code())) {
                return Val.none("indicator.value.cycle", i.code());
            }
            Formula f = formula(i);
            if (f == null) {
                return Val.none("indicator.value.badFormula", i.code());
            }
            stack.push(i.code());
            Val v = FormulaEvaluator.evaluate(f, code -> {
                if (DivisionAttributes.isAttribute(code)) {
                    return attributes.value(code, d);
                }
                DataElement e = elementsByCode.get(code);
                if (e != null) {
                    return Val.of(values.getOrDefault(e.id(), BigDecimal.ZERO));
                }
                Indicator ref = byCode.get(code);
                if (ref != null) {
                    return eval(ref, values, d, stack, done);
                }
                return Val.none("indicator.value.unknownCode", code);
            });
            stack.pop();
            done.put(i.code(), v);
            return v;
        }
    }

    public Plan plan(List<Indicator> roots) {
        return new Plan(roots);
    }

    /** The plan of one indicator, reading the definitions once; {@code NotFoundException} when it does not exist. */
    public Plan plan(long indicatorId) {
        List<Indicator> all = indicators.all();
        Indicator root = all.stream().filter(i -> i.id() == indicatorId).findFirst()
                .orElseThrow(() -> new org.kepu.shared.NotFoundException("error.notFound"));
        return new Plan(List.of(root), all);
    }

    /** The indicators' values for the subtree of {@code d} (member unit {@code unitId} only, when not null). */
    public Map<Long, IndicatorValue> values(Plan plan, Division d, Long unitId, Period period) {
        Map<Long, BigDecimal> ev = reader.read(plan.elements(), d.path(), unitId, period);
        Map<Long, IndicatorValue> out = new LinkedHashMap<>();
        for (Indicator i : plan.indicators()) {
            out.put(i.id(), plan.evaluate(i, ev, d, period, true));
        }
        return out;
    }

    /**
     * The indicators' values for each child division of {@code d} (and for records kept at {@code d} itself,
     * under {@code d}'s own path when there are any), in one read.
     */
    public Map<String, Map<Long, IndicatorValue>> byChild(Plan plan, Division d, List<Division> children,
            Long unitId, Period period) {
        int depth = LedgerSql.depth(d.path()) + 1;
        Map<String, Map<Long, BigDecimal>> grouped = reader.read(plan.elements(), d.path(), unitId, period, depth);
        Map<String, Map<Long, IndicatorValue>> out = new LinkedHashMap<>();
        for (Division c : children) {
            Map<Long, BigDecimal> ev = grouped.getOrDefault(c.path(), Map.of());
            Map<Long, IndicatorValue> m = new LinkedHashMap<>();
            plan.indicators().forEach(i -> m.put(i.id(), plan.evaluate(i, ev, c, period, true)));
            out.put(c.path(), m);
        }
        Map<Long, BigDecimal> own = grouped.get(d.path());
        if (own != null && own.values().stream().anyMatch(v -> v.signum() != 0)) {
            Map<Long, IndicatorValue> m = new LinkedHashMap<>();
            plan.indicators().forEach(i -> m.put(i.id(), plan.evaluate(i, own, d, period, false)));
            out.put(d.path(), m);
        }
        return out;
    }

    /** The values of the plan's data elements, with their drill-downs, in the order the formulas name them. */
    public List<org.kepu.indicator.ElementValue> elementValues(Plan plan, Division d, Long unitId, Period period) {
        Map<Long, BigDecimal> ev = reader.read(plan.elements(), d.path(), unitId, period);
        List<org.kepu.indicator.ElementValue> out = new ArrayList<>();
        for (DataElement e : plan.elements()) {
            LedgerSource s = sources.find(e.source()).orElse(null);
            out.add(new org.kepu.indicator.ElementValue(e.code(), e.name(), s == null ? e.source() : s.name(),
                    ev.getOrDefault(e.id(), BigDecimal.ZERO), s == null ? null : s.drillDown(e, d.code(), period)));
        }
        return out;
    }

    /** Parses (and remembers) an indicator's formula; null when it does not parse. */
    Formula formula(Indicator i) {
        Object f = parsed.computeIfAbsent(i.formula(), text -> {
            try {
                return FormulaParser.parse(text);
            } catch (FormulaException e) {
                return e;
            }
        });
        if (parsed.size() > 10_000) {
            parsed.clear();
        }
        return f instanceof Formula formula ? formula : null;
    }

    /** The source of an element (for the pages). */
    public LedgerSource source(DataElement e) {
        return sources.find(e.source()).orElse(null);
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
