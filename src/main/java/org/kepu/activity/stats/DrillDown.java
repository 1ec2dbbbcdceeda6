package org.kepu.activity.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the URL of the activity list behind a figure. The list understands {@code year}, {@code division}
 * (subtree), {@code theme}, {@code keyGroup}, {@code format}, {@code month} (1-12, Asia/Shanghai) and
 * {@code status=COUNTED} (SUBMITTED or VERIFIED: what every dashboard counts).
 */
final class DrillDown {

    static final String COUNTED = "COUNTED";

    private final String base;

    DrillDown(int year, String divisionCode) {
        StringBuilder b = new StringBuilder("/activities?year=").append(year);
        if (divisionCode != null) {
            b.append("&division=").append(enc(divisionCode));
        }
        b.append("&status=").append(COUNTED);
        this.base = b.toString();
    }

    String all() {
        return base;
    }

    String with(String param, String value) {
        return base + "&" + param + "=" + enc(value);
    }

    /** The list narrowed to a division inside the area (replaces the area's own division parameter). */
    static String forDivision(int year, String divisionCode) {
        return new DrillDown(year, divisionCode).all();
    }

    static String dashboard(int year, String divisionCode) {
        return "/dashboard?year=" + year + (divisionCode == null ? "" : "&division=" + enc(divisionCode));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
