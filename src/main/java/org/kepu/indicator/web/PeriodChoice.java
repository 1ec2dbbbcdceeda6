package org.kepu.indicator.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.Period;

/**
 * The period chosen on the indicator pages, from the URL: {@code period=2091-Q1} (any {@link Period} text), or the
 * form's fields {@code year} + {@code part} ({@code Y}, {@code Q1}…{@code Q4}, {@code M1}…{@code M12}, {@code C}
 * for custom) + {@code from}/{@code to}. Defaults to the current year.
 */
public record PeriodChoice(Period period, int year, String part, String from, String to) {

    /** One option of the part select. */
    public record Option(String value, String key, int n) {
    }

    static PeriodChoice of(String period, String year, String part, String from, String to, int currentYear) {
        if (period != null && !period.isBlank()) {
            return of(Period.parse(period));
        }
        int y = currentYear;
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("error.period", year);
            }
            if (y < 1900 || y > 2999) {
                throw new BadRequestException("error.period", year);
            }
        }
        String p = part == null || part.isBlank() ? "Y" : part.strip();
        if (p.equals("C")) {
            try {
                LocalDate f = LocalDate.parse(from == null ? "" : from.strip());
                LocalDate t = LocalDate.parse(to == null ? "" : to.strip());
                return of(Period.parse(f + ".." + t));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("error.period", (from == null ? "" : from) + ".." + (to == null ? ""
                        : to));
            }
        }
        if (p.matches("Q[1-4]")) {
            return of(Period.quarter(y, p.charAt(1) - '0'));
        }
        if (p.matches("M([1-9]|1[0-2])")) {
            return of(Period.month(y, Integer.parseInt(p.substring(1))));
        }
        return of(Period.year(y));
    }

    static PeriodChoice of(Period p) {
        String part = switch (p.kind()) {
            case YEAR -> "Y";
            case QUARTER -> "Q" + ((p.start().getMonthValue() - 1) / 3 + 1);
            case MONTH -> "M" + p.start().getMonthValue();
            case RANGE -> "C";
        };
        return new PeriodChoice(p, p.year(), part, p.kind() == Period.Kind.RANGE ? p.start().toString() : "",
                p.kind() == Period.Kind.RANGE ? p.last().toString() : "");
    }

    /** {@code period=…} for links. */
    public String param() {
        return "period=" + URLEncoder.encode(period.code(), StandardCharsets.UTF_8);
    }

    public boolean custom() {
        return "C".equals(part);
    }

    /** The options of the part select: the year, its quarters and months, custom dates. */
    public static List<Option> parts() {
        List<Option> o = new ArrayList<>();
        o.add(new Option("Y", "indicator.period.year", 0));
        for (int i = 1; i <= 4; i++) {
            o.add(new Option("Q" + i, "indicator.period.q", i));
        }
        for (int m = 1; m <= 12; m++) {
            o.add(new Option("M" + m, "indicator.period.m", m));
        }
        o.add(new Option("C", "indicator.period.custom", 0));
        return o;
    }

    /** The years offered: the current one and five before it, plus the chosen one. */
    public List<Integer> years(int current) {
        var set = new java.util.TreeSet<Integer>(java.util.Comparator.reverseOrder());
        for (int y = current + 1; y >= current - 5; y--) {
            set.add(y);
        }
        set.add(year);
        return List.copyOf(set);
    }
}
