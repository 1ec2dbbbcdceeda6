package org.kepu.activity.stats.web;

import java.time.LocalDate;
import java.util.List;
import org.kepu.shared.web.ChartSpecs;
import org.kepu.activity.stats.ActivityStatsService;
import org.kepu.activity.stats.DashboardStats;
import org.kepu.activity.stats.StatRow;
import org.kepu.shared.BadRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 统计看板: the year's figures for the caller's scope, as charts with the numbers and links beside them. */
@Controller
class DashboardController {

    private final ActivityStatsService stats;
    private final ChartSpecs charts;

    DashboardController(ActivityStatsService stats, ChartSpecs charts) {
        this.stats = stats;
        this.charts = charts;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String year, @RequestParam(required = false) String division,
            Model model) {
        int y = parseYear(year);
        DashboardStats s = stats.dashboard(y, division == null || division.isBlank() ? null : division.trim());
        int current = LocalDate.now(ActivityStatsService.ZONE).getYear();
        model.addAttribute("stats", s);
        model.addAttribute("years", years(current, y));
        model.addAttribute("charts", new DashboardCharts(
                chart("bar", s.byKeyGroup()), chart("pie", s.byTheme()), chart("pie", s.byFormat()),
                chart("hbar", s.byChild()), chart("line", s.byMonth())));
        return "activity/stats/dashboard";
    }

    private static int parseYear(String year) {
        if (year == null || year.isBlank()) {
            return LocalDate.now(ActivityStatsService.ZONE).getYear();
        }
        try {
            return Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("stats.error.year");
        }
    }

    private static List<Integer> years(int current, int selected) {
        var list = new java.util.TreeSet<Integer>(java.util.Comparator.reverseOrder());
        for (int y = current; y >= current - 5; y--) {
            list.add(y);
        }
        list.add(selected);
        return List.copyOf(list);
    }

    /** The chart's data for static/js/charts.js, as JSON in a data attribute (no inline scripts). */
    private String chart(String kind, List<StatRow> rows) {
        return charts.of(kind, rows.stream().map(StatRow::label).toList(),
                rows.stream().map(StatRow::activities).toList(), rows.stream().map(StatRow::link).toList());
    }
}
