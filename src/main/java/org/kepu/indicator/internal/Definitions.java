package org.kepu.indicator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.Indicator;
import org.kepu.shared.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * Rules shared by data elements and indicators: codes (one namespace for elements, indicators and the division
 * attributes), which indicators use a code, and formula checks (syntax, unknown codes, cycles).
 */
@Component
public class Definitions {

    static final String CODE_PATTERN = "[a-z][a-z0-9_]{0,39}";

    private final ElementStore elements;
    private final IndicatorStore indicators;

    Definitions(ElementStore elements, IndicatorStore indicators) {
        this.elements = elements;
        this.indicators = indicators;
    }

    /** Checks the code's form and that nothing else (other than {@code exceptElement/Indicator}) uses it. */
    String checkCode(String raw, Long exceptElement, Long exceptIndicator) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            throw new BadRequestException("indicator.error.codeRequired");
        }
        if (!code.matches(CODE_PATTERN)) {
            throw new BadRequestException("indicator.error.codeForm", code);
        }
        if (DivisionAttributes.isAttribute(code)) {
            throw new BadRequestException("indicator.error.codeReserved", code);
        }
        elements.byCode(code).filter(e -> !Long.valueOf(e.id()).equals(exceptElement)).ifPresent(e -> {
            throw new BadRequestException("indicator.error.codeTakenElement", code, e.name());
        });
        indicators.byCode(code).filter(i -> !Long.valueOf(i.id()).equals(exceptIndicator)).ifPresent(i -> {
            throw new BadRequestException("indicator.error.codeTakenIndicator", code, i.name());
        });
        return code;
    }

    /** The indicators whose formulas use {@code code} (other than {@code except}). */
    List<Indicator> usersOf(String code, Long except) {
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : indicators.all()) {
            if (except != null && i.id() == except) {
                continue;
            }
            try {
                if (FormulaParser.parse(i.formula()).codes().contains(code)) {
                    out.add(i);
                }
            } catch (FormulaException e) {
                // an unparseable stored formula uses nothing
            }
        }
        return out;
    }

    /**
     * Parses the formula of the indicator {@code code} (id {@code self}, null when new) and checks that every code
     * is known and that no cycle arises through other indicators. Returns the normalised text.
     */
    String checkFormula(String code, Long self, String formula) {
        Formula f = FormulaParser.parse(formula);
        Map<String, String> graph = new HashMap<>();
        for (Indicator i : indicators.all()) {
            if (self == null || i.id() != self) {
                graph.put(i.code(), i.formula());
            }
        }
        graph.put(code, f.text());
        Set<String> elementCodes = new HashSet<>();
        for (DataElement e : elements.all()) {
            elementCodes.add(e.code());
        }
        for (String c : f.codes()) {
            if (!DivisionAttributes.isAttribute(c) && !elementCodes.contains(c) && !graph.containsKey(c)) {
                throw new FormulaException("indicator.formula.unknownCode", c);
            }
        }
        List<String> cycle = findCycle(code, graph, new ArrayList<>(), new HashSet<>());
        if (cycle != null) {
            throw new FormulaException("indicator.formula.cycle", String.join(" → ", cycle));
        }
        return f.text();
    }

    private static List<String> findCycle(String code, Map<String, String> graph, List<String> path,
            Set<String> done) {
        int at = path.indexOf(code);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(code);
            return cycle;
        }
        if (done.contains(code) || !graph.containsKey(code)) {
            return null;
        }
        path.add(code);
        List<String> refs;
        try {
            refs = FormulaParser.parse(graph.get(code)).codes();
        } catch (FormulaException e) {
            refs = List.of();
        }
        for (String r : refs) {
            List<String> c = findCycle(r, graph, path, done);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        done.add(code);
        return null;
    }
}
