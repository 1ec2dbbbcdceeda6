package org.kepu.activity.stats.web;

/** The chart specifications (JSON) of one dashboard page, one per breakdown. */
public record DashboardCharts(String keyGroup, String theme, String format, String child, String month) {
}
