package org.kepu.indicator;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For ledgers that report their changes from Java rather than from a database trigger (see {@link LedgerSource}):
 * call it inside the transaction that changes the records, with the old and the new place and time of every
 * changed record. Cheap: one append-only insert of the distinct (township, month) pairs.
 */
@Service
public class IndicatorChanges {

    /** A changed record's place (division path) and time. */
    public record Change(String divisionPath, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;

    IndicatorChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String source, Collection<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Change> list = List.copyOf(changes);
        jdbc.sql("select indicator_changed(:source, cast(:paths as text[]), cast(:starts as timestamptz[]))")
                .param("source", source)
                .param("paths", toArray(list.stream().map(Change::divisionPath).toList()))
                .param("starts", toArray(list.stream().map(c -> c.at().toString()).toList()))
                .query((rs, n) -> 1).list();
    }

    /** Everything of the source may have changed: its elements are rebuilt from the ledger. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changedAll(String source) {
        jdbc.sql("select indicator_changed_all(:source)").param("source", source).query((rs, n) -> 1).list();
    }

    /** A PostgreSQL array literal of the values ({"a","b"}), quoted. */
    static String toArray(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
