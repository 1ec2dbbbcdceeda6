package org.kepu.activity;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.kepu.activity.internal.ActivityGuard;
import org.kepu.activity.internal.ActivityRules;
import org.kepu.audit.AuditLog;
import org.kepu.evidence.EvidenceStore;
import org.kepu.evidence.StoredFile;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of activities (table activity_evidence). Attaching needs the right to change the activity;
 * removing an attachment (the stored file stays) is possible while the record is a draft or returned.
 */
@Service
@Transactional(readOnly = true)
public class ActivityEvidenceService {

    private final JdbcClient jdbc;
    private final ActivityGuard guard;
    private final EvidenceStore files;
    private final AuditLog audit;

    ActivityEvidenceService(JdbcClient jdbc, ActivityGuard guard, EvidenceStore files, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.files = files;
        this.audit = audit;
    }

    /** The files of a record the caller can see. */
    public List<ActivityEvidence> list(long activityId) {
        guard.readable(activityId, CurrentUsers.require());
        return jdbc.sql("""
                select id, sha256, kind, original_name, uploaded_at from activity_evidence
                where activity_id = :a order by uploaded_at, id
                """).param("a", activityId)
                .query((rs, i) -> evidence(rs.getLong("id"), activityId, rs.getString("sha256"),
                        EvidenceKind.valueOf(rs.getString("kind")), rs.getString("original_name"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    /** Stores the file (checked by content) and attaches it; reports other activities that use the same bytes. */
    @Transactional
    public AttachResult attach(long activityId, InputStream content, String originalName, EvidenceKind requested) {
        CurrentUser user = CurrentUsers.require();
        guard.writable(activityId, user, r -> ActivityRules.canEdit(user, r));
        StoredFile stored = files.store(content, originalName);
        EvidenceKind kind = requested == EvidenceKind.SIGN_IN_SHEET ? EvidenceKind.SIGN_IN_SHEET
                : stored.pdf() ? EvidenceKind.PDF : EvidenceKind.PHOTO;
        String name = originalName == null ? null
                : originalName.substring(0, Math.min(originalName.length(), 255));
        Long id = jdbc.sql("""
                insert into activity_evidence (activity_id, sha256, kind, original_name, uploaded_by)
                values (:a, :sha, :kind, :name, :user) on conflict (activity_id, sha256) do nothing returning id
                """).param("a", activityId).param("sha", stored.sha256()).param("kind", kind.name())
                .param("name", name).param("user", user.id()).query(Long.class).optional().orElse(null);
        boolean already = id == null;
        if (already) {
            id = jdbc.sql("select id from activity_evidence where activity_id = :a and sha256 = :sha")
                    .param("a", activityId).param("sha", stored.sha256()).query(Long.class).single();
        } else {
            audit.record("ATTACH", "activity", activityId, null,
                    Map.of("evidenceId", id, "sha256", stored.sha256(), "kind", kind.name(),
                            "originalName", name == null ? "" : name));
        }
        long evidenceId = id;
        ActivityEvidence evidence = list(activityId).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow();
        return new AttachResult(evidence, already, reuses(stored.sha256(), activityId, user.scope()));
    }

    /** Other activities using the file {@code sha256}, named as far as the caller may know them. */
    public List<ReuseNotice> reuses(String sha256, long exceptActivityId, Scope scope) {
        return jdbc.sql("""
                select a.id, a.title, a.starts_at, a.division_path, a.organizer_unit_id
                from activity_evidence e join activity a on a.id = e.activity_id
                where e.sha256 = :sha and a.id <> :except order by a.starts_at desc, a.id limit 20
                """).param("sha", sha256).param("except", exceptActivityId)
                .query((rs, i) -> {
                    long otherUnit = rs.getLong("organizer_unit_id");
                    Long unit = rs.wasNull() ? null : otherUnit;
                    boolean visible = scope.covers(rs.getString("division_path"), unit);
                    return new ReuseNotice(rs.getString("title"), visible ? rs.getLong("id") : null,
                            visible ? rs.getObject("starts_at", OffsetDateTime.class) : null, visible);
                })
                .list();
    }

    /** Removes an attachment from a draft or returned record. */
    @Transactional
    public void remove(long activityId, long evidenceId) {
        CurrentUser user = CurrentUsers.require();
        guard.writable(activityId, user, r -> ActivityRules.canRemoveEvidence(user, r));
        Map<String, Object> before = jdbc.sql("""
                select sha256, kind, original_name from activity_evidence where id = :id and activity_id = :a
                """).param("id", evidenceId).param("a", activityId)
                .query((rs, i) -> Map.<String, Object>of("evidenceId", evidenceId, "sha256", rs.getString(1),
                        "kind", rs.getString(2)))
                .optional().orElseThrow(() -> new NotFoundException("error.notFound"));
        jdbc.sql("delete from activity_evidence where id = :id").param("id", evidenceId).update();
        audit.record("DETACH", "activity", activityId, before, null);
    }

    /** True when the caller can see an activity that uses the file. */
    public boolean canRead(String sha256) {
        CurrentUser user = CurrentUsers.find().orElse(null);
        if (user == null || user.scope().none()) {
            return false;
        }
        var s = org.kepu.shared.ScopeSql.of(user.scope(), "a.division_path", "a.organizer_unit_id");
        return jdbc.sql("select exists (select 1 from activity_evidence e join activity a on a.id = e.activity_id"
                + " where e.sha256 = :sha and " + s.condition() + ")")
                .params(s.params()).param("sha", sha256).query(Boolean.class).single();
    }

    private ActivityEvidence evidence(long id, long activityId, String sha, EvidenceKind kind, String name,
            OffsetDateTime at) {
        StoredFile f = files.find(sha).orElse(null);
        return new ActivityEvidence(id, activityId, sha, kind, name, f == null ? null : f.contentType(),
                f == null ? 0 : f.size(), f == null ? null : f.width(), f == null ? null : f.height(), at);
    }
}
