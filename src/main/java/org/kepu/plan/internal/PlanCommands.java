package org.kepu.plan.internal;

import java.time.LocalDate;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, closes and deletes plans: office admins inside their subtree, with optimistic locking, audited.
 * A closed plan is read-only until it is reopened; only drafts can be deleted.
 */
@Service
@Transactional
public class PlanCommands {

    static final int MAX_TITLE = 300;

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final PlanWriter writer;
    private final PlanReads reads;
    private final AuditLog audit;

    PlanCommands(JdbcClient jdbc, DivisionService divisions, PlanWriter writer, PlanReads reads, AuditLog audit) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.writer = writer;
        this.reads = reads;
        this.audit = audit;
    }

    public long create(CurrentUser user, PlanData data) {
        if (!PlanAccess.canCreate(user)) {
            throw new ForbiddenException("error.forbidden");
        }
        PlanData d = checked(data);
        Division division = writableDivision(user, d.divisionCode());
        long id = writer.insertPlan(d, division, PlanStatus.DRAFT, null, user.id());
        audit.record("CREATE", "plan", id, null, writer.planSnapshot(id));
        return id;
    }

    public void update(CurrentUser user, long id, PlanData data, int version) {
        PlanSummary plan = writable(user, id);
        PlanData d = checked(data);
        Division division = writableDivision(user, d.divisionCode());
        Map<String, Object> before = writer.planSnapshot(id);
        int n = jdbc.sql("""
                update plan set kind = :kind, title = :title, period_start = :ps, period_end = :pe,
                    issuing_body = :body, document_number = :doc, issued_on = :issued, division_code = :code,
                    division_path = :path, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("kind", d.kind().name()).param("title", d.title()).param("ps", d.periodStart())
                .param("pe", d.periodEnd()).param("body", d.issuingBody()).param("doc", d.documentNumber())
                .param("issued", d.issuedOn()).param("code", division.code()).param("path", division.path())
                .param("id", plan.id()).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("UPDATE", "plan", id, before, writer.planSnapshot(id));
    }

    public void changeStatus(CurrentUser user, long id, PlanStatus status, int version) {
        PlanSummary plan = manageable(user, id);
        if (status == null || !plan.status().next().contains(status)) {
            throw new BadRequestException("plan.error.status");
        }
        Map<String, Object> before = writer.planSnapshot(id);
        int n = jdbc.sql("""
                update plan set status = :status, version = version + 1, updated_at = now()
                where id = :id and version = :version and status = :from
                """).param("status", status.name()).param("id", id).param("version", version)
                .param("from", plan.status().name()).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("STATUS", "plan", id, before, writer.planSnapshot(id));
    }

    /** Deletes a draft with its tasks; returns what it was. */
    public PlanSummary delete(CurrentUser user, long id, int version) {
        PlanSummary plan = manageable(user, id);
        if (plan.status() != PlanStatus.DRAFT) {
            throw new BadRequestException("plan.error.deleteNotDraft");
        }
        Map<String, Object> before = writer.planSnapshot(id);
        int n = jdbc.sql("delete from plan where id = :id and version = :version and status = 'DRAFT'")
                .param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("DELETE", "plan", id, before, null);
        return plan;
    }

    /** The plan when the caller may change it: 404 when it does not exist, 403 when the caller may not change it. */
    PlanSummary manageable(CurrentUser user, long id) {
        PlanSummary plan = reads.get(id);
        if (!PlanAccess.canWrite(user, plan.divisionPath())) {
            throw new ForbiddenException("error.forbidden");
        }
        return plan;
    }

    /** As {@link #manageable}, and not closed. */
    PlanSummary writable(CurrentUser user, long id) {
        PlanSummary plan = manageable(user, id);
        if (plan.status() == PlanStatus.CLOSED) {
            throw new BadRequestException("plan.error.closed");
        }
        return plan;
    }

    /** The division where {@code user} may create a plan (an import checks this before writing anything). */
    public Division placeFor(CurrentUser user, String divisionCode) {
        if (!PlanAccess.canCreate(user)) {
            throw new ForbiddenException("error.forbidden");
        }
        return writableDivision(user, divisionCode);
    }

    /** The division a plan may be placed at by {@code user}: inside their subtree. */
    Division writableDivision(CurrentUser user, String code) {
        Division division = code == null || code.isBlank() ? null : divisions.find(code.strip()).orElse(null);
        if (division == null) {
            throw new BadRequestException("plan.error.division");
        }
        if (!user.scope().coversPath(division.path())) {
            throw new ForbiddenException("error.forbidden");
        }
        return division;
    }

    /** Trimmed and checked; throws {@link BadRequestException} with the first problem. */
    public static PlanData checked(PlanData d) {
        if (d.kind() == null) {
            throw new BadRequestException("plan.error.kind");
        }
        String title = trim(d.title());
        if (title == null) {
            throw new BadRequestException("plan.error.titleRequired");
        }
        if (title.length() > MAX_TITLE) {
            throw new BadRequestException("plan.error.titleLong", MAX_TITLE);
        }
        Integer ps = d.periodStart();
        Integer pe = d.periodEnd();
        if (ps != null && (ps < 1990 || ps > 2100) || pe != null && (pe < 1990 || pe > 2100)) {
            throw new BadRequestException("plan.error.year");
        }
        if (ps != null && pe != null && pe < ps) {
            throw new BadRequestException("plan.error.period");
        }
        String body = trim(d.issuingBody());
        if (body != null && body.length() > 200) {
            throw new BadRequestException("plan.error.issuingBodyLong");
        }
        String doc = trim(d.documentNumber());
        if (doc != null && doc.length() > 100) {
            throw new BadRequestException("plan.error.documentNumberLong");
        }
        LocalDate issued = d.issuedOn();
        if (issued != null && (issued.getYear() < 1990 || issued.getYear() > 2100)) {
            throw new BadRequestException("plan.error.issuedOn");
        }
        return new PlanData(d.kind(), title, ps, pe, body, doc, issued, trim(d.divisionCode()));
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
