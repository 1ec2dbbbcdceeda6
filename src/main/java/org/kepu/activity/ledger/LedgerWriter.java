package org.kepu.activity.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.kepu.audit.AuditLog;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.db.PlanMode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The SQL of an import, used by {@link ImportPipeline}. All activities of a file go into the ledger through ONE
 * {@code COPY} that the reading thread feeds while it is still reading the file ({@link #encode} turns a row into
 * COPY's text format), so PostgreSQL inserts on one core while the file is read and validated on the other. The
 * ids come from the column default (the activity sequence), in row order; after the COPY they are read back by
 * the batch id and the co-organisers are copied with them. At the end the import record (with the file's SHA-256,
 * unique) and one audit entry for the whole batch. All of it runs in one transaction: all rows or none.
 * Imported activities are drafts ({@code DRAFT}) created by the importing user; they go through the normal
 * submit/verify workflow.
 *
 * <p>Earlier the import bound 16 arrays of 5,000 values per statement and asked the sequence for the ids in a
 * separate round trip; that cost about 1.3 s per 100,000 rows on top of the database's own insert and could
 * not overlap with reading (docs/PERFORMANCE.md, Excel import).
 */
@Component
class LedgerWriter {

    /** Rows per piece handed from the reading thread to the writing thread. */
    static final int CHUNK = 1000;

    private static final String COPY_ACTIVITIES = """
            copy activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                           division_path, organizer_unit_id, participants_onsite, participants_online,
                           materials_count, volunteers_count, media_coverage, description, status, created_by,
                           import_batch_id) from stdin
            """;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    LedgerWriter(DataSource dataSource, JdbcClient jdbc, AuditLog audit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A new import batch id, taken before the writing transaction starts (the rows carry it; the batch row itself
     * is written by {@link #finish} at the end). A rolled-back import leaves a gap in the ids, nothing else.
     */
    long nextBatchId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('activity_import', 'id'))").query(Long.class).single();
    }

    /**
     * Starts the COPY of the activities in the current transaction. The transaction also switches to generic
     * plans: the pool's connections force custom plans (right for the scope-filtered reads), which would re-plan
     * every foreign-key check of every row (about 23 µs instead of 3.5 µs per check, see docs/PERFORMANCE.md).
     */
    CopyIn startCopy() {
        PlanMode.genericInTransaction(jdbc);
        return withCopyApi(api -> api.copyIn(COPY_ACTIVITIES));
    }

    /** A COPY statement on the current transaction's connection. */
    private interface CopyCall<T> {
        T run(CopyManager api) throws SQLException, IOException;
    }

    private <T> T withCopyApi(CopyCall<T> call) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return call.run(connection.unwrap(PGConnection.class).getCopyAPI());
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("COPY into the activity ledger failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Sends encoded rows; blocks while PostgreSQL is behind, which holds the reading thread back. */
    static void send(CopyIn copy, byte[] rows) {
        try {
            copy.writeToCopy(rows, 0, rows.length);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY into the activity ledger failed", e);
        }
    }

    /** Ends the COPY; returns the number of rows PostgreSQL inserted. */
    static long endCopy(CopyIn copy) {
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY into the activity ledger failed", e);
        }
    }

    /** Abandons a COPY still in progress (the transaction is rolled back next). */
    static void cancel(CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // The server has already ended it; the rollback that follows cleans up.
            }
        }
    }

    /**
     * After the COPY: reads the new ids back in row order, writes the co-organisers (row index → unit), records
     * the import (unique SHA-256: a concurrent second import of the same file fails here) and audits it.
     */
    void finish(long batchId, int rows, int[] coRows, long[] coUnits, int coCount, String sha256, String fileName,
            CurrentUser user) {
        // One session takes its sequence values in increasing order, and COPY takes them row by row, so the
        // batch's ids in ascending order are its rows in file order.
        List<Long> ids = jdbc.sql("select id from activity where import_batch_id = :batch order by id")
                .param("batch", batchId).query(Long.class).list();
        if (ids.size() != rows) {
            throw new IllegalStateException("import wrote " + ids.size() + " activities, expected " + rows);
        }
        if (coCount > 0) {
            StringBuilder text = new StringBuilder(coCount * 16);
            for (int i = 0; i < coCount; i++) {
                text.append(ids.get(coRows[i])).append('\t').append(coUnits[i]).append('\n');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            withCopyApi(api -> api.copyIn("copy activity_co_organizer (activity_id, unit_id) from stdin",
                    new ByteArrayInputStream(bytes)));
        }
        long firstId = ids.isEmpty() ? 0 : ids.get(0);
        long lastId = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
        jdbc.sql("""
                insert into activity_import (id, sha256, file_name, row_count, imported_by, imported_by_name)
                values (:id, :sha, :name, :rows, :user, :userName)
                """).param("id", batchId).param("sha", sha256).param("name", fileName).param("rows", rows)
                .param("user", user.id()).param("userName", user.displayName()).update();
        audit.record("IMPORT", "activity_import", batchId, null, Map.of("fileName", fileName == null ? "" : fileName,
                "sha256", sha256, "rows", rows, "status", "DRAFT", "firstActivityId", firstId,
                "lastActivityId", lastId));
    }

    /** Appends one row in COPY's text format, in the column order of the COPY statement. */
    static void encode(StringBuilder out, ActivityRow r, long userId, long batchId) {
        field(out, r.title());
        out.append('\t');
        field(out, r.themeCode());
        out.append('\t');
        field(out, r.formatCode());
        out.append("\t{");
        String[] groups = r.keyGroups();
        for (int i = 0; i < groups.length; i++) {
            // Key-group codes are enum names (letters and underscores): no array quoting needed.
            out.append(i == 0 ? "" : ",").append(groups[i]);
        }
        out.append("}\t").append(r.startsAt()).append('\t').append(r.endsAt()).append('\t');
        field(out, r.divisionCode());
        out.append('\t');
        field(out, r.divisionPath());
        out.append('\t');
        if (r.organizerUnitId() == null) {
            out.append("\\N");
        } else {
            out.append(r.organizerUnitId().longValue());
        }
        out.append('\t').append(r.participantsOnsite()).append('\t').append(r.participantsOnline())
                .append('\t').append(r.materialsCount()).append('\t').append(r.volunteersCount()).append('\t');
        field(out, r.mediaCoverage());
        out.append('\t');
        field(out, r.description());
        out.append("\tDRAFT\t").append(userId).append('\t').append(batchId).append('\n');
    }

    /** A value in COPY's text format: {@code \N} for null; backslash, tab and line breaks escaped. */
    static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
