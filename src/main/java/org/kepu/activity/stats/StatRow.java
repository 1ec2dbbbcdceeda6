package org.kepu.activity.stats;

/**
 * One line of a dashboard breakdown: a key (theme code, key group, division code, month number), what users
 * read, the counted activities and their participants (on site + online), and the list URL behind the figures.
 */
public record StatRow(String key, String label, long activities, long participants, String link) {
}
