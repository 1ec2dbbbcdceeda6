package org.kepu.activity.stats;

import java.util.List;

/**
 * The figures of one dashboard: the caller's scope (optionally narrowed to {@code areaCode}) and one calendar
 * year in Asia/Shanghai time, counting activities whose status is SUBMITTED or VERIFIED.
 *
 * @param areaCode   the division the figures are about; null when the scope is a member unit and not narrowed
 * @param areaName   what users read for that area (a division name, or the unit's records)
 * @param trail      the divisions from the top of the caller's scope down to the area, for narrowing back up
 * @param childLevel level of the divisions in {@code byChild} (4 township, 2 city, …), 0 when there are none
 */
public record DashboardStats(int year, String areaCode, String areaName, List<AreaLink> trail, int childLevel,
        StatTotals totals, List<StatRow> byKeyGroup, List<StatRow> byTheme, List<StatRow> byFormat,
        List<StatRow> byChild, List<StatRow> byMonth) {

    /** A division on the way from the scope's top to the area, with the dashboard URL narrowed to it. */
    public record AreaLink(String code, String name, String dashboardUrl) {
    }
}
