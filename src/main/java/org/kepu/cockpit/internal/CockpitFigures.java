package org.kepu.cockpit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.ActivityService;
import org.kepu.activity.ActivityStatus;
import org.kepu.activity.ActivitySummary;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorCard;
import org.kepu.indicator.IndicatorRankings;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.IndicatorValue;
import org.kepu.region.Division;
import org.kepu.shared.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures the leader view and the wall display put together, each read through its module's public API in
 * the caller's scope: headline indicator values, the cards, the ranking of the child divisions, the monthly
 * activities and the latest verified activities.
 */
@Component
public class CockpitFigures {

    /** A headline figure: an indicator's value for the year. */
    public record Headline(Indicator indicator, IndicatorValue value) {
    }

    private final IndicatorService indicators;
    private final IndicatorRankings rankings;
    private final ActivityService activities;
    private final List<String> headlineCodes;
    private final String activityIndicator;

    CockpitFigures(IndicatorService indicators, IndicatorRankings rankings, ActivityService activities,
            @Value("${kepu.cockpit.headline:activity_count,participant_count,village_coverage,volunteer_count}")
            String headline,
            @Value("${kepu.cockpit.activity-indicator:activity_count}") String activityIndicator) {
        this.indicators = indicators;
        this.rankings = rankings;
        this.activities = activities;
        this.headlineCodes = Arrays.stream(headline.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        this.activityIndicator = activityIndicator.strip();
    }

    /** The area (the top of the caller's scope when {@code divisionCode} is null; out of scope: "not found"). */
    public Division area(String divisionCode) {
        return indicators.area(divisionCode);
    }

    /** The configured headline indicators that exist and are active, with their values for the year. */
    public List<Headline> headline(Division area, int year) {
        List<Indicator> list = new ArrayList<>();
        for (String code : headlineCodes) {
            indicators.findByCode(code).filter(Indicator::active).ifPresent(list::add);
        }
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, IndicatorValue> values = indicators.values(list.stream().map(Indicator::id).toList(), area.code(),
                Period.year(year));
        List<Headline> out = new ArrayList<>();
        list.forEach(i -> out.add(new Headline(i, values.get(i.id()))));
        return out;
    }

    /** The indicator counting activities (configurable), if it exists and is active. */
    public Optional<Indicator> activityIndicator() {
        return indicators.findByCode(activityIndicator).filter(Indicator::active);
    }

    /** Every active indicator's card (value, target and status, monthly trend). */
    public List<IndicatorCard> cards(Division area, int year) {
        return indicators.cards(area.code(), year);
    }

    /** Cards without trends (for status counts on the wall). */
    public List<IndicatorCard> overview(Division area, int year) {
        return indicators.overview(area.code(), Period.year(year));
    }

    public List<IndicatorCard.TrendPoint> trend(Indicator indicator, Division area, int year) {
        return indicators.trend(indicator.id(), area.code(), year);
    }

    public IndicatorRankings.Ranking ranking(Indicator indicator, Division area, int year,
            IndicatorRankings.Order order) {
        return rankings.children(indicator.id(), area.code(), year, order);
    }

    /** The active indicators, for choosing the ranking's indicator. */
    public List<Indicator> indicators() {
        return indicators.list();
    }

    /** The indicator by code or id among the active ones, or the activity indicator when none is asked for. */
    public Optional<Indicator> indicator(String codeOrId) {
        if (codeOrId == null || codeOrId.isBlank()) {
            return activityIndicator();
        }
        String s = codeOrId.strip();
        return indicators.list().stream().filter(i -> s.equals(i.code()) || s.equals(Long.toString(i.id())))
                .findFirst();
    }

    /**
     * The latest verified activities of the year in the area, the most recent activity first. Sorted by when they
     * took place (the start-time index carries path and status) and not counted: for a province, counting and
     * sorting the year's verified records by their last change took 0.45 s of the leader view's 0.76 s.
     */
    public List<ActivitySummary> latestVerified(Division area, int year, int n) {
        ActivityFilter f = new ActivityFilter(null, null, year, null, area.code(), null, null, null, null,
                ActivityStatus.VERIFIED, false, null, "startsAt", "desc", 1, n);
        return activities.rows(f);
    }

    /** Headline values by indicator code (for the templates). */
    public static Map<String, Headline> byCode(List<Headline> list) {
        Map<String, Headline> m = new LinkedHashMap<>();
        list.forEach(h -> m.put(h.indicator().code(), h));
        return m;
    }
}
