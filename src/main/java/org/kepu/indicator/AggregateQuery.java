package org.kepu.indicator;

import java.util.List;
import org.kepu.shared.Period;

/**
 * What the indicator engine asks a {@link LedgerSource} to compute: the values of several data elements of that
 * source in one pass over its records, optionally grouped by area and by calendar period. Build the WHERE and the
 * grouping expressions with {@link LedgerSql}, which knows the engine's conventions (paths cut to a depth,
 * Asia/Shanghai periods).
 *
 * @param elements the elements to compute (all of this source); values come back in this order
 * @param subtreePath only records at this division or below it; null for every record
 * @param areas when not null, only records whose division path cut to {@code areaDepth} segments is one of these
 *     (the townships the cache refreshes)
 * @param areaDepth the depth {@code areas} are cut to
 * @param unitId when not null, only records of this member unit (a unit-scoped caller)
 * @param period only records in this period; null for all time
 * @param groupDepth 0: no area grouping; n: one row per record path cut to n segments
 * @param grain the time grouping
 */
public record AggregateQuery(List<DataElement> elements, String subtreePath, List<String> areas, int areaDepth,
        Long unitId, Period period, int groupDepth, TimeGrain grain) {

    public AggregateQuery {
        elements = List.copyOf(elements);
        areas = areas == null ? null : List.copyOf(areas);
        grain = grain == null ? TimeGrain.NONE : grain;
    }

    /** One total per element over a subtree and a period (no grouping). */
    public static AggregateQuery total(List<DataElement> elements, String subtreePath, Long unitId, Period period) {
        return new AggregateQuery(elements, subtreePath, null, 0, unitId, period, 0, TimeGrain.NONE);
    }
}
