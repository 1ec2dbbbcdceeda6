package org.kepu.indicator.web;

import java.util.List;
import org.kepu.region.Division;

/** Above the dashboards: the area with its trail and children, and the year (dashboards show whole years). */
public record YearHeader(Division area, List<AreaLink> trail, List<AreaLink> children, int year, List<Integer> years,
        boolean unitScope) {

    public String query() {
        return "division=" + area.code() + "&year=" + year;
    }
}
