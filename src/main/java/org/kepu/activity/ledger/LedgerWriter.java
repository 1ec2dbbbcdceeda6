package org.kepu.activity.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.shared.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of an import, called inside the one transaction of {@link ImportPipeline}: activities in chunks of
 * {@link #CHUNK} rows, each chunk one {@code insert … select from unnest(arrays)} statement with ids taken from
 * the sequence beforehand, the co-organisers the same way, and at the end the import record (with the file's
 * SHA-256, unique) and one audit entry for the whole batch. Imported activities are drafts ({@code DRAFT})
 * created by the importing user; they go through the normal submit/verify workflow.
 */
@Component
class LedgerWriter {

    static final int CHUNK = 5000;

    private static final String INSERT_ACTIVITIES = """
            insert into activity (id, title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                                  division_path, organizer_unit_id, participants_onsite, participants_online,
                                  materials_count, volunteers_count, media_coverage, description, status,
                                  created_by, import_batch_id)
            select t.id, t.title, t.theme, t.format,
                   case when t.groups = '' then '{}'::varchar(20)[] else string_to_array(t.groups, ',')::varchar(20)[] end,
                   t.starts::timestamptz, t.ends::timestamptz, t.dcode, t.dpath, t.org, t.onsite, t.online, t.materials,
                   t.volunteers, t.media, t.descr, 'DRAFT', ?, ?
            from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[], ?::text[])
                 as t(id, title, theme, format, groups, starts, ends, dcode, dpath, org, onsite, online, materials,
                      volunteers, media, descr)
            """;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    LedgerWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, AuditLog audit) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A new import batch id (the row itself is written by {@link #finish} at the end). Called first in the writing
     * transaction, it also switches that transaction to generic plans: the pool's connections force custom plans
     * (right for the scope-filtered reads), and a custom plan of an insert over 16 arrays of 5,000 values is
     * planned with every value inlined as a constant, which made each chunk about four times slower (1.2–1.6 s
     * against 0.3–0.4 s per 5,000 rows, see docs/PERFORMANCE.md).
     */
    long nextBatchId() {
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        return jdbc.sql("select nextval(pg_get_serial_sequence('activity_import', 'id'))").query(Long.class).single();
    }

    /** Inserts one chunk of rows with ids taken from the activity sequence; returns the first and last id. */
    long[] insert(List<ActivityRow> chunk, long userId, long batchId) {
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('activity', 'id')) from generate_series(1, :n)")
                .param("n", chunk.size()).query(Long.class).list();
        insertChunk(chunk, ids, userId, batchId);
        return new long[] {ids.get(0), ids.get(ids.size() - 1)};
    }

    /** Records the import (unique SHA-256: a concurrent second import of the same file fails here) and audits it. */
    void finish(long batchId, int rows, String sha256, String fileName, CurrentUser user, long firstId, long lastId) {
        jdbc.sql("""
                insert into activity_import (id, sha256, file_name, row_count, imported_by, imported_by_name)
                values (:id, :sha, :name, :rows, :user, :userName)
                """).param("id", batchId).param("sha", sha256).param("name", fileName).param("rows", rows)
                .param("user", user.id()).param("userName", user.displayName()).update();
        audit.record("IMPORT", "activity_import", batchId, null, Map.of("fileName", fileName == null ? "" : fileName,
                "sha256", sha256, "rows", rows, "status", "DRAFT", "firstActivityId", firstId,
                "lastActivityId", lastId));
    }

    private void insertChunk(List<ActivityRow> chunk, List<Long> ids, long userId, long batchId) {
        int n = chunk.size();
        Long[] id = ids.toArray(Long[]::new);
        String[] title = new String[n];
        String[] theme = new String[n];
        String[] format = new String[n];
        String[] groups = new String[n];
        String[] starts = new String[n];
        String[] ends = new String[n];
        String[] dcode = new String[n];
        String[] dpath = new String[n];
        Long[] org = new Long[n];
        Integer[] onsite = new Integer[n];
        Integer[] online = new Integer[n];
        Integer[] materials = new Integer[n];
        Integer[] volunteers = new Integer[n];
        String[] media = new String[n];
        String[] descr = new String[n];
        int coCount = 0;
        for (int i = 0; i < n; i++) {
            ActivityRow r = chunk.get(i);
            title[i] = r.title();
            theme[i] = r.themeCode();
            format[i] = r.formatCode();
            groups[i] = String.join(",", r.keyGroups());
            starts[i] = r.startsAt().toString();
            ends[i] = r.endsAt().toString();
            dcode[i] = r.divisionCode();
            dpath[i] = r.divisionPath();
            org[i] = r.organizerUnitId();
            onsite[i] = r.participantsOnsite();
            online[i] = r.participantsOnline();
            materials[i] = r.materialsCount();
            volunteers[i] = r.volunteersCount();
            media[i] = r.mediaCoverage();
            descr[i] = r.description();
            coCount += r.coOrganizerIds().length;
        }
        Long[] coActivity = new Long[coCount];
        Long[] coUnit = new Long[coCount];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (long unit : chunk.get(i).coOrganizerIds()) {
                coActivity[k] = id[i];
                coUnit[k++] = unit;
            }
        }
        jdbcTemplate.update(INSERT_ACTIVITIES, ps -> {
            Connection c = ps.getConnection();
            ps.setLong(1, userId);
            ps.setLong(2, batchId);
            ps.setArray(3, array(c, "bigint", id));
            ps.setArray(4, array(c, "text", title));
            ps.setArray(5, array(c, "text", theme));
            ps.setArray(6, array(c, "text", format));
            ps.setArray(7, array(c, "text", groups));
            ps.setArray(8, array(c, "text", starts));
            ps.setArray(9, array(c, "text", ends));
            ps.setArray(10, array(c, "text", dcode));
            ps.setArray(11, array(c, "text", dpath));
            ps.setArray(12, array(c, "bigint", org));
            ps.setArray(13, array(c, "int4", onsite));
            ps.setArray(14, array(c, "int4", online));
            ps.setArray(15, array(c, "int4", materials));
            ps.setArray(16, array(c, "int4", volunteers));
            ps.setArray(17, array(c, "text", media));
            ps.setArray(18, array(c, "text", descr));
        });
        if (coCount > 0) {
            jdbcTemplate.update("insert into activity_co_organizer (activity_id, unit_id)"
                    + " select * from unnest(?::bigint[], ?::bigint[])", ps -> {
                        ps.setArray(1, array(ps.getConnection(), "bigint", coActivity));
                        ps.setArray(2, array(ps.getConnection(), "bigint", coUnit));
                    });
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}
