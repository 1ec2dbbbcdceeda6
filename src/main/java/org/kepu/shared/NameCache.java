package org.kepu.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Display names by key (division code, unit id), kept for a while: every list page shows the names of the records'
 * divisions and units, and they hardly ever change. The owning module calls {@link #clear()} after a commit that may
 * have changed a name ({@link ReferenceDataChanged}); other nodes of a cluster show the change within the time to
 * live. A name loaded while a clear happens is not kept, so a reader that read the old name just before the commit
 * cannot put it back after the clear.
 *
 * @param <K> the key type
 */
public final class NameCache<K> {

    /** How long another node of a cluster may show an old name after a change (the changing node: not at all). */
    public static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(String name, long loadedAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Map<K, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** Names kept for {@link #TTL}, at most {@code maxEntries} of them. */
    public NameCache(int maxEntries) {
        this(TTL, maxEntries, System::nanoTime);
    }

    NameCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /**
     * The names of {@code keys} (nulls ignored). Keys not cached, or cached longer than the time to live, are loaded
     * with one call of {@code loader}; keys the loader does not return are absent from the result and not cached.
     */
    public Map<K, String> names(Collection<K> keys, Function<Collection<K>, Map<K, String>> loader) {
        long now = nanoClock.getAsLong();
        Map<K, String> out = new HashMap<>();
        Set<K> missing = new LinkedHashSet<>();
        for (K key : keys) {
            if (key == null || out.containsKey(key)) {
                continue;
            }
            Entry e = entries.get(key);
            if (e != null && now - e.loadedAt() < ttlNanos) {
                out.put(key, e.name());
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            long gen = generation.get();
            Map<K, String> loaded = loader.apply(missing);
            out.putAll(loaded);
            if (entries.size() + loaded.size() > maxEntries) {
                entries.clear();
            }
            if (generation.get() == gen) {
                loaded.forEach((k, v) -> entries.put(k, new Entry(v, now)));
            }
        }
        return out;
    }

    /** Forgets every name (call after a commit that may have changed names). */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
