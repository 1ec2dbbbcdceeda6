package org.kepu.indicator.web;

import java.util.List;
import org.kepu.region.Division;

/** What every indicator page shows above its content: the area, its trail and children, the period. */
public record PageHeader(Division area, List<AreaLink> trail, List<AreaLink> children, PeriodChoice choice,
        List<Integer> years, boolean unitScope, boolean canManage) {

    public String query() {
        return "division=" + area.code() + "&" + choice.param();
    }
}
