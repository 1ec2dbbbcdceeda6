package org.kepu.indicator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.indicator.Additivity;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.LedgerSource;
import org.kepu.indicator.MeasureOption;
import org.springframework.stereotype.Component;

/** The registered ledgers (every {@link LedgerSource} bean), by code. */
@Component
public class Sources {

    private final Map<String, LedgerSource> byCode = new LinkedHashMap<>();

    Sources(List<LedgerSource> sources) {
        for (LedgerSource s : sources) {
            if (byCode.putIfAbsent(s.code(), s) != null) {
                throw new IllegalStateException("Two indicator sources with the code " + s.code());
            }
        }
    }

    public List<LedgerSource> all() {
        return new ArrayList<>(byCode.values());
    }

    public Optional<LedgerSource> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public LedgerSource require(String code) {
        LedgerSource s = byCode.get(code);
        if (s == null) {
            throw new IllegalStateException("No indicator source " + code);
        }
        return s;
    }

    /** The element's aggregate as its source declares it; empty when the source or the pair is unknown. */
    public Optional<MeasureOption> measure(DataElement e) {
        return find(e.source()).flatMap(s -> s.measures().stream().filter(m -> m.is(e.aggregation(), e.measure()))
                .findFirst());
    }

    /** The element's additivity; NONE when unknown (never summed from the cache). */
    public Additivity additivity(DataElement e) {
        return measure(e).map(MeasureOption::additivity).orElse(Additivity.NONE);
    }

    /** True when the value cache keeps rows for the element (its aggregate adds up over areas). */
    public boolean materialized(DataElement e) {
        return additivity(e) != Additivity.NONE;
    }
}
