package org.kepu.cockpit.web;

import java.util.List;
import org.kepu.activity.ActivitySummary;
import org.kepu.cockpit.internal.CockpitFigures.Headline;
import org.kepu.indicator.StatusCounts;
import org.kepu.region.Division;

/**
 * What the wall display shows; the same record renders the full page and the polled update.
 *
 * @param monthChart activities per month of the year (chart JSON for static/js/cockpit-wall.js), null without the
 *        activity indicator
 * @param divisionChart the child divisions by activities, null without the activity indicator
 * @param unitChart the member units by activities organised
 * @param updatedAt when the figures were read (HH:mm:ss, Asia/Shanghai)
 * @param fixedYear true when the URL chose the year; otherwise the wall follows the current year (past New Year)
 */
public record WallView(Division area, int year, List<Headline> headline, String monthChart, String divisionChart,
        String divisionLevel, String unitChart, StatusCounts counts, List<ActivitySummary> latest, String updatedAt,
        int refreshSeconds, boolean fixedYear) {

    public String query() {
        return "division=" + area.code() + (fixedYear ? "&year=" + year : "");
    }
}
