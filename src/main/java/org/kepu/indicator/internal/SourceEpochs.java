package org.kepu.indicator.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per source, the epoch of table indicator_source_state: incremented when the cache folds changes or an element
 * definition changes, so that values computed on demand at an older epoch (level-0 rows) are no longer used.
 */
@Component
class SourceEpochs {

    private final JdbcClient jdbc;

    SourceEpochs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> all() {
        Map<String, Long> m = new HashMap<>();
        jdbc.sql("select source, epoch from indicator_source_state").query((rs, n) -> m.put(rs.getString(1),
                rs.getLong(2))).list();
        return m;
    }

    /** Increments the source's epoch (in the caller's transaction) and returns the new one. */
    long bump(String source) {
        return jdbc.sql("""
                insert into indicator_source_state as s (source, epoch) values (:s, 1)
                on conflict (source) do update set epoch = s.epoch + 1 returning epoch
                """).param("s", source).query(Long.class).single();
    }
}
