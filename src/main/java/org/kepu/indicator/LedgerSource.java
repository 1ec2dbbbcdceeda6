package org.kepu.indicator;

import java.util.List;
import org.kepu.shared.Period;

/**
 * A ledger that data elements can aggregate over — the one registration point of the indicator engine. A module
 * registers its ledger by implementing this interface as a Spring bean (the activity ledger: {@code
 * org.kepu.activity.indicator.ActivityLedgerSource}); the dependency goes from the ledger's module to this one.
 *
 * <p>A source must also report every change of its records that can change a value, so the value cache stays
 * current: a database trigger or the source's own code calls the SQL function {@code indicator_changed(source,
 * paths[], starts[])} (migration V800) in the writing transaction with the changed records' division paths and
 * times (old and new values on updates), or {@code indicator_changed_all(source)} when it cannot say which; from
 * Java, {@link IndicatorChanges}. Changes reported after the commit would leave a window in which the cache is
 * stale, so report them inside the transaction.
 */
public interface LedgerSource {

    /** A stable code stored in data elements, e.g. {@code activity}. */
    String code();

    /** What users read, e.g. 科普活动台账. */
    String name();

    /** The aggregates this ledger offers. */
    List<MeasureOption> measures();

    /**
     * The dimensions elements may filter on, with their dictionaries as seen from the division at {@code scopePath}
     * (e.g. the member units of that county); {@code scopePath} may be null (dictionaries that do not depend on it).
     */
    List<FilterDimension> dimensions(String scopePath);

    /**
     * Computes the values of the query's elements (all of this source) in one pass. Must honour every part of the
     * query; use {@link LedgerSql} for the subtree, area, unit and period conditions and the grouping columns.
     * Groups with all values zero may be left out.
     */
    List<AggregateRow> aggregate(AggregateQuery query);

    /**
     * The URL of the page listing the records behind the element's value for the division subtree {@code
     * divisionCode} and {@code period} (the caller's own scope still applies there).
     */
    String drillDown(DataElement element, String divisionCode, Period period);
}
