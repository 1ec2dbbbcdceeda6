package org.kepu.indicator.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kepu.shared.Period;

/**
 * A period split into what the cache holds — whole years, quarters and months ({@code whole}, contiguous) — and
 * the days at either end that it does not hold ({@code edges}, computed from the ledger directly).
 * E.g. 2025-03-15..2026-07-10 → edges 2025-03-15..2025-03-31 and 2026-07-01..2026-07-10; whole 2025-04, 2025-05,
 * 2025-06, 2025-Q3, 2025-Q4, 2026-Q1, 2026-Q2.
 */
public record PeriodPieces(List<Period> whole, List<Period> edges) {

    public static PeriodPieces of(Period p) {
        if (p.kind() != Period.Kind.RANGE) {
            return new PeriodPieces(List.of(p), List.of());
        }
        LocalDate s = p.start();
        LocalDate e = p.end();
        LocalDate m0 = s.getDayOfMonth() == 1 ? s : s.withDayOfMonth(1).plusMonths(1);
        LocalDate m1 = e.withDayOfMonth(1);
        List<Period> edges = new ArrayList<>();
        List<Period> whole = new ArrayList<>();
        if (!m0.isBefore(m1)) {
            return new PeriodPieces(List.of(), List.of(p));
        }
        if (s.isBefore(m0)) {
            edges.add(Period.range(s, m0.minusDays(1)));
        }
        if (e.isAfter(m1)) {
            edges.add(Period.range(m1, e.minusDays(1)));
        }
        LocalDate m = m0;
        while (m.isBefore(m1)) {
            if (m.getDayOfYear() == 1 && !m.plusYears(1).isAfter(m1)) {
                whole.add(Period.year(m.getYear()));
                m = m.plusYears(1);
            } else if ((m.getMonthValue() - 1) % 3 == 0 && !m.plusMonths(3).isAfter(m1)) {
                whole.add(Period.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1));
                m = m.plusMonths(3);
            } else {
                whole.add(Period.month(m.getYear(), m.getMonthValue()));
                m = m.plusMonths(1);
            }
        }
        return new PeriodPieces(whole, edges);
    }

    /** The days the whole pieces cover together, or null when there are none. */
    public Period span() {
        if (whole.isEmpty()) {
            return null;
        }
        return Period.range(whole.get(0).start(), whole.get(whole.size() - 1).last());
    }
}
