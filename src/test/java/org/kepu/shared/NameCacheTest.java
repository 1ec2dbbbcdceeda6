package org.kepu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    final AtomicLong clock = new AtomicLong();
    final NameCache<String> cache = new NameCache<>(Duration.ofSeconds(30), 3, clock::get);
    final Map<String, String> table = new HashMap<>(Map.of("a", "甲", "b", "乙", "c", "丙", "d", "丁"));
    final List<List<String>> loads = new ArrayList<>();

    Map<String, String> load(Collection<String> keys) {
        loads.add(List.copyOf(keys));
        Map<String, String> out = new HashMap<>();
        keys.forEach(k -> {
            if (table.containsKey(k)) {
                out.put(k, table.get(k));
            }
        });
        return out;
    }

    @Test
    void loadsOnlyWhatIsMissingInOneCallAndSkipsNullsAndUnknownKeys() {
        assertThat(cache.names(java.util.Arrays.asList("a", null, "b", "a", "x"), this::load))
                .containsOnly(Map.entry("a", "甲"), Map.entry("b", "乙"));
        assertThat(loads).containsExactly(List.of("a", "b", "x"));
        assertThat(cache.names(List.of("a", "b", "c"), this::load)).hasSize(3);
        assertThat(loads.get(1)).containsExactly("c");
        // unknown keys are asked again (they may exist by now)
        table.put("x", "戊");
        assertThat(cache.names(List.of("x"), this::load)).containsEntry("x", "戊");
    }

    @Test
    void namesExpireAfterTheTimeToLive() {
        cache.names(List.of("a"), this::load);
        table.put("a", "甲二");
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.names(List.of("a"), this::load)).containsEntry("a", "甲");
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.names(List.of("a"), this::load)).containsEntry("a", "甲二");
    }

    @Test
    void clearDropsEverythingAndANameLoadedDuringAClearIsNotKept() {
        cache.names(List.of("a"), this::load);
        table.put("a", "甲二");
        cache.clear();
        assertThat(cache.names(List.of("a"), this::load)).containsEntry("a", "甲二");
        // a reader loads the old name, the writer's clear comes before the reader stores it
        table.put("b", "乙二");
        Map<String, String> seen = cache.names(List.of("b"), keys -> {
            Map<String, String> old = Map.of("b", "乙");
            cache.clear();
            return old;
        });
        assertThat(seen).containsEntry("b", "乙");
        assertThat(cache.names(List.of("b"), this::load)).containsEntry("b", "乙二");
    }

    @Test
    void staysBounded() {
        cache.names(List.of("a", "b", "c"), this::load);
        cache.names(List.of("d"), this::load);
        loads.clear();
        cache.names(List.of("a", "d"), this::load);
        assertThat(loads).containsExactly(List.of("a"));
    }
}
