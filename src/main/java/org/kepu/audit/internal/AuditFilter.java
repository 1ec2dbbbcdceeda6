package org.kepu.audit.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The viewer's filters; all optional. Dates are inclusive, in China time. */
public record AuditFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String user, String action, String entity,
        Integer page) {

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The filters as a query string (without page), for paging links. */
    public String query() {
        StringBuilder b = new StringBuilder();
        append(b, "from", from == null ? null : from.toString());
        append(b, "to", to == null ? null : to.toString());
        append(b, "user", blankToNull(user));
        append(b, "action", blankToNull(action));
        append(b, "entity", blankToNull(entity));
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(b.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
