package org.kepu.plan.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The import drafts: one row per import in progress, owned by the user who started it, expiring after
 * {@link #LIFETIME}. Another user's or an expired draft is 404; a stale version (a second tab, a double submit)
 * is a conflict.
 */
@Component
class ImportDrafts {

    static final Duration LIFETIME = Duration.ofHours(24);

    /** A loaded draft. */
    record Draft(long id, int version, String sourceName, String sourceText, ImportState state) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ImportDrafts(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long create(CurrentUser user, String sourceName, String text, ImportState state) {
        jdbc.sql("delete from plan_import_draft where expires_at < now()").update();
        return jdbc.sql("""
                insert into plan_import_draft (owner_id, source_name, source_text, state, expires_at)
                values (:owner, :name, :text, cast(:state as jsonb), now() + make_interval(secs => :secs))
                returning id
                """).param("owner", user.id()).param("name", sourceName).param("text", text)
                .param("state", write(state)).param("secs", LIFETIME.toSeconds()).query(Long.class).single();
    }

    Draft load(CurrentUser user, long id) {
        return jdbc.sql("""
                select id, version, source_name, source_text, state::text as state from plan_import_draft
                where id = :id and owner_id = :owner and expires_at >= now()
                """).param("id", id).param("owner", user.id())
                .query((rs, n) -> new Draft(rs.getLong("id"), rs.getInt("version"), rs.getString("source_name"),
                        rs.getString("source_text"), read(rs.getString("state"))))
                .optional().orElseThrow(() -> new NotFoundException("import.error.draftGone"));
    }

    /** Stores the new state if the draft is still at {@code version}; returns the new version. */
    int update(CurrentUser user, long id, int version, ImportState state) {
        int n = jdbc.sql("""
                update plan_import_draft set state = cast(:state as jsonb), version = version + 1,
                    expires_at = now() + make_interval(secs => :secs)
                where id = :id and owner_id = :owner and version = :version and expires_at >= now()
                """).param("state", write(state)).param("secs", LIFETIME.toSeconds()).param("id", id)
                .param("owner", user.id()).param("version", version).update();
        if (n == 0) {
            load(user, id);
            throw new ConflictException("import.error.stale");
        }
        return version + 1;
    }

    /** Deletes the draft if it is still at {@code version} (saving it); a conflict otherwise. */
    void consume(CurrentUser user, long id, int version) {
        int n = jdbc.sql("delete from plan_import_draft where id = :id and owner_id = :owner and version = :version")
                .param("id", id).param("owner", user.id()).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("import.error.stale");
        }
    }

    void delete(CurrentUser user, long id) {
        jdbc.sql("delete from plan_import_draft where id = :id and owner_id = :owner").param("id", id)
                .param("owner", user.id()).update();
    }

    private String write(ImportState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the import draft", e);
        }
    }

    private ImportState read(String s) {
        try {
            return json.readValue(s, ImportState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the import draft", e);
        }
    }
}
