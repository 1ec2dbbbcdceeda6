package org.kepu.plan.progress.web;

import java.util.ArrayList;
import java.util.List;
import org.kepu.plan.Quarter;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;

/** Small helpers of the progress pages. */
final class Pages {

    private Pages() {
    }

    static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }

    /** The quarters a page offers: the last {@code n} up to the current one, newest first. */
    static List<Quarter> quarters(Quarter current, int n) {
        List<Quarter> out = new ArrayList<>();
        Quarter q = current;
        for (int i = 0; i < n; i++) {
            out.add(q);
            q = q.previous();
        }
        return out;
    }
}
