package org.kepu.cockpit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kepu.cockpit.internal.CockpitAccess;
import org.kepu.cockpit.internal.CockpitFigures;
import org.kepu.cockpit.internal.PlanExecution;
import org.kepu.cockpit.internal.UnitRanking;
import org.kepu.indicator.DivisionRank;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorCard;
import org.kepu.indicator.IndicatorRankings;
import org.kepu.indicator.StatusCounts;
import org.kepu.indicator.TargetService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Period;
import org.kepu.shared.web.ChartSpecs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 领导驾驶舱 ({@code /cockpit}): headline figures, indicator cards, rankings of the child divisions and of the
 * member units, and how the plans in force are carried out; and the wall display ({@code /cockpit/wall}) that
 * refreshes its panels itself. Read-only: there is nothing to change here. Leaders and office admins only.
 */
@Controller
class CockpitController {

    static final String PAGE = "cockpit/index";
    static final String WALL = "cockpit/wall";
    static final String WALL_DATA = "cockpit/wall-panels";
    /** The header the wall's script checks, so a sign-in page returned after a session timeout is not shown. */
    static final String WALL_HEADER = "X-Kepu-Wall";
    /** Member units listed on the leader view until the user asks for all of them. */
    static final int UNITS_SHOWN = 10;

    private final CockpitFigures figures;
    private final PlanExecution plans;
    private final UnitRanking units;
    private final DivisionService divisions;
    private final TargetService targets;
    private final ChartSpecs charts;
    private final int refreshSeconds;
    private final Clock clock;

    CockpitController(CockpitFigures figures, PlanExecution plans, UnitRanking units, DivisionService divisions,
            TargetService targets, ChartSpecs charts, Clock clock,
            @Value("${kepu.cockpit.wall.refresh-seconds:60}") int refreshSeconds) {
        this.figures = figures;
        this.plans = plans;
        this.units = units;
        this.divisions = divisions;
        this.targets = targets;
        this.charts = charts;
        this.refreshSeconds = refreshSeconds;
        this.clock = clock;
    }

    @GetMapping("/cockpit")
    String page(@RequestParam(required = false) String division, @RequestParam(required = false) String year,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String unitSort, @RequestParam(defaultValue = "false") boolean allUnits,
            Model model) {
        CurrentUser user = CockpitAccess.require();
        CockpitHeader h = header(user, division, year);
        Division area = h.area();
        Indicator ranked = figures.indicator(indicator).orElse(null);
        if (indicator != null && !indicator.isBlank() && ranked == null) {
            throw new NotFoundException("error.notFound");
        }
        IndicatorRankings.Order asked = IndicatorRankings.Order.parse(sort);
        IndicatorRankings.Ranking ranking = ranked == null ? new IndicatorRankings.Ranking(asked, List.of())
                : figures.ranking(ranked, area, h.year(), asked);
        IndicatorRankings.Order order = ranking.order();
        List<DivisionRank> divisionRows = ranking.rows();
        PlanExecution.Overview overview = plans.of(user, area);
        UnitRanking.Order uorder = UnitRanking.Order.parse(unitSort);
        List<UnitRanking.Row> unitRows = units.rank(user, area, h.year(), overview.leadTargets(), uorder);
        List<IndicatorCard> cards = figures.cards(area, h.year());
        List<IndicatorCard> withTarget = cards.stream().filter(c -> c.target() != null).toList();
        model.addAttribute("header", h);
        model.addAttribute("headline", figures.headline(area, h.year()));
        model.addAttribute("counts", StatusCounts.of(cards));
        model.addAttribute("cards", withTarget);
        model.addAttribute("cardCharts", withTarget.stream().map(c -> charts.of("spark",
                c.trend().stream().map(t -> t.month().getMonthValue() + "月").toList(),
                c.trend().stream().map(IndicatorCard.TrendPoint::value).toList(),
                c.trend().stream().map(IndicatorCard.TrendPoint::link).toList())).toList());
        model.addAttribute("indicators", figures.indicators());
        model.addAttribute("ranked", ranked);
        model.addAttribute("ratio", ranked != null && IndicatorRankings.isRatio(ranked));
        model.addAttribute("order", order);
        model.addAttribute("divisionRows", divisionRows);
        model.addAttribute("divisionChart", charts.of("hbar",
                divisionRows.stream().map(DivisionRank::divisionName).toList(),
                divisionRows.stream().map(IndicatorRankings.key(order)).toList(),
                divisionRows.stream().map(r -> r.value().link()).toList()));
        model.addAttribute("unitOrder", uorder);
        model.addAttribute("unitRows", allUnits ? unitRows : unitRows.subList(0, Math.min(UNITS_SHOWN,
                unitRows.size())));
        model.addAttribute("unitTotal", unitRows.size());
        model.addAttribute("unitChart", unitChart(unitRows, uorder, allUnits ? unitRows.size() : UNITS_SHOWN));
        model.addAttribute("plans", overview.plans());
        model.addAttribute("latest", figures.latestVerified(area, h.year(), 8));
        return PAGE;
    }

    @GetMapping("/cockpit/wall")
    String wall(@RequestParam(required = false) String division, @RequestParam(required = false) String year,
            @RequestParam(required = false) Integer refresh, Model model) {
        model.addAttribute("wall", wallView(division, year, refresh));
        return WALL;
    }

    /** The wall's panels as out-of-band swaps, polled by the wall page. */
    @GetMapping("/cockpit/wall/data")
    String wallData(@RequestParam(required = false) String division, @RequestParam(required = false) String year,
            @RequestParam(required = false) Integer refresh, Model model, HttpServletResponse response) {
        model.addAttribute("wall", wallView(division, year, refresh));
        model.addAttribute("oob", true);
        response.setHeader(WALL_HEADER, "1");
        response.setHeader("Cache-Control", "no-store");
        return WALL_DATA;
    }

    private WallView wallView(String division, String yearParam, Integer refresh) {
        CurrentUser user = CockpitAccess.require();
        Division area = figures.area(division);
        int year = year(yearParam);
        int seconds = refresh == null ? refreshSeconds : refresh;
        if (seconds < 10 || seconds > 3600) {
            throw new BadRequestException("cockpit.error.refresh");
        }
        var activity = figures.activityIndicator();
        String monthChart = null;
        String divisionChart = null;
        if (activity.isPresent()) {
            var trend = figures.trend(activity.get(), area, year);
            monthChart = charts.of("bar", trend.stream().map(t -> t.month().getMonthValue() + "月").toList(),
                    trend.stream().map(IndicatorCard.TrendPoint::value).toList(),
                    trend.stream().map(IndicatorCard.TrendPoint::link).toList());
            List<DivisionRank> rows = figures.ranking(activity.get(), area, year, IndicatorRankings.Order.VALUE)
                    .rows();
            rows = rows.subList(0, Math.min(rows.size(), 12));
            divisionChart = charts.of("hbar", rows.stream().map(DivisionRank::divisionName).toList(),
                    rows.stream().map(r -> r.value().value()).toList(),
                    rows.stream().map(r -> r.value().link()).toList());
        }
        List<UnitRanking.Row> unitRows = units.rank(user, area, year, Map.of(), UnitRanking.Order.ACTIVITIES);
        List<Division> children = divisions.children(area.code());
        String level = children.isEmpty() ? "" : Integer.toString(children.get(0).level());
        return new WallView(area, year, figures.headline(area, year), monthChart, divisionChart, level,
                unitChart(unitRows, UnitRanking.Order.ACTIVITIES, 10), StatusCounts.of(figures.overview(area, year)),
                figures.latestVerified(area, year, 8),
                LocalDateTime.now(clock.withZone(Period.ZONE)).format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                seconds, yearParam != null && !yearParam.isBlank());
    }

    /** The year asked for (1900–2999), or the current one in Asia/Shanghai. */
    private int year(String year) {
        if (year == null || year.isBlank()) {
            return targets.today().getYear();
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

    private String unitChart(List<UnitRanking.Row> rows, UnitRanking.Order order, int max) {
        List<UnitRanking.Row> top = rows.stream().filter(r -> r.activities() > 0 || order == UnitRanking.Order.ON_TRACK)
                .limit(max).toList();
        return charts.of("hbar", top.stream().map(UnitRanking.Row::name).toList(),
                top.stream().map(r -> switch (order) {
                    case ACTIVITIES -> (Number) r.activities();
                    case PARTICIPANTS -> (Number) r.participants();
                    case ON_TRACK -> r.onTrackShare();
                }).toList(), top.stream().map(UnitRanking.Row::link).toList());
    }

    private CockpitHeader header(CurrentUser user, String division, String year) {
        Division area = figures.area(division);
        int current = targets.today().getYear();
        int y = year(year);
        List<CockpitHeader.Link> trail = new ArrayList<>();
        for (Division d : divisions.ancestry(area.code())) {
            if (user.scope().coversPath(d.path())) {
                trail.add(new CockpitHeader.Link(d.code(), d.name()));
            }
        }
        List<CockpitHeader.Link> children = divisions.children(area.code()).stream()
                .map(d -> new CockpitHeader.Link(d.code(), d.name())).toList();
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        for (int i = current + 1; i >= current - 5; i--) {
            years.add(i);
        }
        years.add(y);
        return new CockpitHeader(area, trail, children, y, List.copyOf(years));
    }
}
