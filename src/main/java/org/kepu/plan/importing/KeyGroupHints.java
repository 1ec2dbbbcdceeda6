package org.kepu.plan.importing;

import java.util.EnumSet;
import java.util.Set;
import org.kepu.shared.KeyGroup;

/**
 * The key groups a task's heading names (实施青少年科学素质提升行动 → YOUTH); a task also takes its parents' groups,
 * so every item under 实施农民科学素质提升行动 is a FARMER task. Only headings count, not the task text.
 */
final class KeyGroupHints {

    private KeyGroupHints() {
    }

    static Set<KeyGroup> of(String title, Set<KeyGroup> inherited) {
        Set<KeyGroup> out = inherited.isEmpty() ? EnumSet.noneOf(KeyGroup.class) : EnumSet.copyOf(inherited);
        String t = title == null ? "" : title;
        if (t.contains("青少年") || t.contains("未成年人")) {
            out.add(KeyGroup.YOUTH);
        }
        if (t.contains("农民")) {
            out.add(KeyGroup.FARMER);
        }
        if (t.contains("产业工人")) {
            out.add(KeyGroup.WORKER);
        }
        if (t.contains("老年人")) {
            out.add(KeyGroup.ELDERLY);
        }
        if (t.contains("领导干部") || t.contains("公务员")) {
            out.add(KeyGroup.CADRE);
        }
        if (t.contains("社区居民")) {
            out.add(KeyGroup.COMMUNITY);
        }
        return out;
    }
}
