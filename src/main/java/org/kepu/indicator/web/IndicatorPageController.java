package org.kepu.indicator.web;

import java.util.ArrayList;
import java.util.List;
import org.kepu.indicator.ChildValue;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorCard;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.TargetService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.web.ChartSpecs;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.Period;
import org.kepu.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 指标: the list with values for the caller's scope and a period, and one indicator's detail. */
@Controller
class IndicatorPageController {

    static final String LIST = "indicator/list";
    static final String DETAIL = "indicator/detail";

    private final IndicatorService indicators;
    private final TargetService targets;
    private final DivisionService divisions;
    private final ChartSpecs charts;

    IndicatorPageController(IndicatorService indicators, TargetService targets, DivisionService divisions,
            ChartSpecs charts) {
        this.indicators = indicators;
        this.targets = targets;
        this.divisions = divisions;
        this.charts = charts;
    }

    @GetMapping("/indicators")
    String list(@RequestParam(required = false) String division, @RequestParam(required = false) String period,
            @RequestParam(required = false) String year, @RequestParam(required = false) String part,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        PageHeader h = header(division, period, year, part, from, to);
        List<IndicatorCard> cards = indicators.overview(h.area().code(), h.choice().period());
        model.addAttribute("header", h);
        model.addAttribute("cards", cards);
        return LIST;
    }

    @GetMapping("/indicators/{id:\\d+}")
    String detail(@PathVariable long id, @RequestParam(required = false) String division,
            @RequestParam(required = false) String period, @RequestParam(required = false) String year,
            @RequestParam(required = false) String part, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Indicator indicator = indicators.get(id);
        PageHeader h = header(division, period, year, part, from, to);
        Period p = h.choice().period();
        String code = h.area().code();
        List<ChildValue> ranking = indicators.ranking(id, code, p);
        var trend = indicators.trend(id, code, p.year());
        model.addAttribute("header", h);
        model.addAttribute("indicator", indicator);
        model.addAttribute("value", indicators.value(id, code, p));
        model.addAttribute("elements", indicators.elementValues(id, code, p));
        model.addAttribute("ranking", ranking);
        model.addAttribute("trend", trend);
        model.addAttribute("targets", h.unitScope() ? List.of() : targets.progress(targets.list(id, code)));
        model.addAttribute("rankingChart", charts.of("hbar",
                ranking.stream().map(r -> r.ownLevel() ? r.divisionName() + "本级" : r.divisionName()).toList(),
                ranking.stream().map(r -> r.value().value()).toList(),
                ranking.stream().map(r -> r.value().link()).toList()));
        model.addAttribute("trendChart", charts.of("line",
                trend.stream().map(t -> t.month().getMonthValue() + "月").toList(),
                trend.stream().map(IndicatorCard.TrendPoint::value).toList(),
                trend.stream().map(IndicatorCard.TrendPoint::link).toList()));
        return DETAIL;
    }

    PageHeader header(String division, String period, String year, String part, String from, String to) {
        CurrentUser user = CurrentUsers.require();
        Division area = indicators.area(division);
        int current = targets.today().getYear();
        PeriodChoice choice = PeriodChoice.of(period, year, part, from, to, current);
        List<AreaLink> trail = new ArrayList<>();
        for (Division d : divisions.ancestry(area.code())) {
            if (user.scope().unitId() == null ? user.scope().coversPath(d.path()) : d.code().equals(area.code())) {
                trail.add(new AreaLink(d.code(), d.name()));
            }
        }
        List<AreaLink> children = divisions.children(area.code()).stream()
                .map(d -> new AreaLink(d.code(), d.name())).toList();
        return new PageHeader(area, trail, children, choice, choice.years(current), user.scope().unitId() != null,
                user.is(Role.OFFICE_ADMIN));
    }

}
