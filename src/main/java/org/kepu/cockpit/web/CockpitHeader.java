package org.kepu.cockpit.web;

import java.util.List;
import org.kepu.region.Division;

/** Above the leader view: the area, the way up to the top of the caller's scope, its children, the year. */
public record CockpitHeader(Division area, List<Link> trail, List<Link> children, int year, List<Integer> years) {

    /** A division to switch to. */
    public record Link(String code, String name) {
    }

    public String query() {
        return "division=" + area.code() + "&year=" + year;
    }
}
