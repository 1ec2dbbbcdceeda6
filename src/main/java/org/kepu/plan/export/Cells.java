package org.kepu.plan.export;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kepu.shared.KeyGroup;
import org.springframework.context.MessageSource;
import org.kepu.shared.web.PageContext;

/** Text helpers shared by the .xlsx and .docx responsibility lists. */
final class Cells {

    private Cells() {
    }

    /**
     * Text a spreadsheet could take for a formula (leading = + - @, a tab or a carriage return, also full-width)
     * gets a leading apostrophe, like the activity ledger's export.
     */
    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋'
                || c == '－' || c == '＠') {
            return "'" + s;
        }
        return s;
    }

    static String join(List<String> names) {
        return String.join("、", names);
    }

    static String groups(Set<KeyGroup> groups, MessageSource messages) {
        return groups.stream().map(g -> messages.getMessage("keyGroup." + g.name(), null, g.name(),
                PageContext.LOCALE)).collect(Collectors.joining("、"));
    }
}
