package org.kepu.activity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kepu.activity.ActivityService;

class FmtTest {

    static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String reference(OffsetDateTime t) {
        return t.atZoneSameInstant(ActivityService.ZONE).format(REFERENCE);
    }

    @Test
    void dateTimeIsBeijingTimeAsTheFormatterWritesIt() {
        assertThat(Fmt.dateTime(null)).isEmpty();
        assertThat(Fmt.dateTime(OffsetDateTime.parse("2026-12-31T16:30:59Z"))).isEqualTo("2027-01-01 00:30");
        assertThat(Fmt.dateTime(OffsetDateTime.parse("2024-02-29T09:05+08:00"))).isEqualTo("2024-02-29 09:05");
        // 1988: China kept summer time (UTC+9) then; the zone's rules apply, as with the formatter
        assertThat(Fmt.dateTime(OffsetDateTime.parse("1988-07-01T00:00Z"))).isEqualTo(reference(
                OffsetDateTime.parse("1988-07-01T00:00Z")));
        assertThat(Fmt.dateTime(OffsetDateTime.parse("0999-05-01T00:00Z"))).isEqualTo(reference(
                OffsetDateTime.parse("0999-05-01T00:00Z")));
        Random rnd = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            OffsetDateTime t = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(
                    (long) (rnd.nextDouble() * 4_000_000_000L), rnd.nextInt(1_000_000_000)), ZoneOffset.ofHours(
                    rnd.nextInt(25) - 12));
            assertThat(Fmt.dateTime(t)).as("%s", t).isEqualTo(reference(t));
        }
    }
}
