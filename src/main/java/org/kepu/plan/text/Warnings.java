package org.kepu.plan.text;

import java.util.ArrayList;
import java.util.List;

/** The parser's messages for the preview, in Chinese, at most {@value #MAX} of them. */
final class Warnings {

    static final int MAX = 100;

    private final List<String> messages = new ArrayList<>();
    private int dropped;

    void add(int line, String message) {
        add(line > 0 ? "第 " + line + " 行：" + message : message);
    }

    void add(String message) {
        if (messages.size() < MAX) {
            messages.add(message);
        } else {
            dropped++;
        }
    }

    List<String> list() {
        List<String> all = new ArrayList<>(messages);
        if (dropped > 0) {
            all.add("另有 " + dropped + " 条提示未列出");
        }
        return List.copyOf(all);
    }
}
