package org.kepu.identity.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The time zone in which dates are entered and times shown to users. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private Zones() {
    }
}
