package org.kepu.indicator.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.indicator.DivisionRank;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorCard;
import org.kepu.indicator.IndicatorRankings;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.StatusCounts;
import org.kepu.indicator.TargetService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.web.ChartSpecs;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 指标看板: one card per indicator with a target (value, target, status, monthly trend) and the ranking of the child
 * divisions by one indicator, for the caller's scope and a year.
 */
@Controller
class IndicatorDashboardController {

    static final String CARDS = "indicator/dashboard";
    static final String RANKINGS = "indicator/rankings";

    private final IndicatorService indicators;
    private final IndicatorRankings rankings;
    private final TargetService targets;
    private final DivisionService divisions;
    private final ChartSpecs charts;

    IndicatorDashboardController(IndicatorService indicators, IndicatorRankings rankings, TargetService targets,
            DivisionService divisions, ChartSpecs charts) {
        this.indicators = indicators;
        this.rankings = rankings;
        this.targets = targets;
        this.divisions = divisions;
        this.charts = charts;
    }

    @GetMapping("/indicators/dashboard")
    String cards(@RequestParam(required = false) String division, @RequestParam(required = false) String year,
            @RequestParam(defaultValue = "false") boolean all, Model model) {
        YearHeader h = header(division, year);
        List<IndicatorCard> cards = indicators.cards(h.area().code(), h.year());
        List<IndicatorCard> shown = all ? cards : cards.stream().filter(c -> c.target() != null).toList();
        Map<Long, String> sparks = new LinkedHashMap<>();
        for (IndicatorCard c : shown) {
            sparks.put(c.indicator().id(), charts.of("spark",
                    c.trend().stream().map(t -> t.month().getMonthValue() + "月").toList(),
                    c.trend().stream().map(IndicatorCard.TrendPoint::value).toList(),
                    c.trend().stream().map(IndicatorCard.TrendPoint::link).toList()));
        }
        model.addAttribute("header", h);
        model.addAttribute("cards", shown);
        model.addAttribute("all", all);
        model.addAttribute("hidden", cards.size() - shown.size());
        model.addAttribute("counts", StatusCounts.of(cards));
        model.addAttribute("charts", sparks);
        return CARDS;
    }

    @GetMapping("/indicators/rankings")
    String rankings(@RequestParam(required = false) String division, @RequestParam(required = false) String year,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String sort,
            Model model) {
        YearHeader h = header(division, year);
        List<Indicator> list = indicators.list();
        Indicator chosen = choose(list, indicator);
        IndicatorRankings.Order asked = IndicatorRankings.Order.parse(sort);
        IndicatorRankings.Ranking ranking = chosen == null ? new IndicatorRankings.Ranking(asked, List.of())
                : rankings.children(chosen.id(), h.area().code(), h.year(), asked);
        IndicatorRankings.Order order = ranking.order();
        List<DivisionRank> rows = ranking.rows();
        model.addAttribute("header", h);
        model.addAttribute("indicators", list);
        model.addAttribute("indicator", chosen);
        model.addAttribute("order", order);
        model.addAttribute("ratio", chosen != null && IndicatorRankings.isRatio(chosen));
        model.addAttribute("rows", rows);
        model.addAttribute("chart", charts.of("hbar", rows.stream().map(DivisionRank::divisionName).toList(),
                rows.stream().map(IndicatorRankings.key(order)).toList(),
                rows.stream().map(r -> r.value().link()).toList()));
        return RANKINGS;
    }

    /** The indicator by id or code; the first active one when none is asked for; an unknown one is "not found". */
    static Indicator choose(List<Indicator> list, String indicator) {
        if (indicator == null || indicator.isBlank()) {
            return list.stream().filter(i -> i.code().equals("activity_count")).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
        }
        String s = indicator.strip();
        return list.stream().filter(i -> s.equals(i.code()) || s.equals(Long.toString(i.id()))).findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    YearHeader header(String division, String year) {
        CurrentUser user = CurrentUsers.require();
        Division area = indicators.area(division);
        int current = targets.today().getYear();
        int y = parseYear(year, current);
        List<AreaLink> trail = new ArrayList<>();
        for (Division d : divisions.ancestry(area.code())) {
            if (user.scope().unitId() == null ? user.scope().coversPath(d.path()) : d.code().equals(area.code())) {
                trail.add(new AreaLink(d.code(), d.name()));
            }
        }
        List<AreaLink> children = divisions.children(area.code()).stream()
                .map(d -> new AreaLink(d.code(), d.name())).toList();
        var years = new java.util.TreeSet<Integer>(java.util.Comparator.reverseOrder());
        for (int i = current + 1; i >= current - 5; i--) {
            years.add(i);
        }
        years.add(y);
        return new YearHeader(area, trail, children, y, List.copyOf(years), user.scope().unitId() != null);
    }

    static int parseYear(String year, int current) {
        if (year == null || year.isBlank()) {
            return current;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= 1900 && y <= 2999) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestException("error.period", year);
    }

}
