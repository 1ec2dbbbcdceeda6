package org.kepu.plan.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.audit.AuditLog;
import org.kepu.plan.Quarter;
import org.kepu.plan.ReportState;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow of quarterly progress reports: the unit saves a draft and submits it; the office accepts it or returns
 * it with a reason; a returned report is edited and submitted again. Optimistic locking, audited, notified.
 */
@Service
@Transactional
public class ReportCommands {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What a command needs to know about a task: its plan, the plan's state and whether the unit is linked. */
    public record TaskRef(long id, long planId, String planStatus, String divisionPath, String title, boolean linked) {
    }

    private final JdbcClient jdbc;
    private final ReportReads reads;
    private final EvidenceLinks evidence;
    private final ProgressNotices notices;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    ReportCommands(JdbcClient jdbc, ReportReads reads, EvidenceLinks evidence, ProgressNotices notices,
            AuditLog audit, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.evidence = evidence;
        this.notices = notices;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Saves the caller's unit's report on a task for a quarter: creates it, or changes it when {@code version} is
     * the version the caller saw; then submits it when {@code submit}. Returns the report's id.
     */
    public long save(CurrentUser user, long taskId, Quarter quarter, ReportInput input, Integer version,
            boolean submit) {
        Long unitId = user.scope().unitId();
        if (!ReportAccess.isUnit(user) || unitId == null) {
            throw new ForbiddenException("error.forbidden");
        }
        TaskRef task = task(taskId, unitId);
        if (!task.linked()) {
            throw new ForbiddenException("progress.error.notResponsible");
        }
        if (!"IN_FORCE".equals(task.planStatus())) {
            throw new BadRequestException("progress.error.planNotInForce");
        }
        if (quarter.compareTo(Quarter.of(LocalDate.now(clock.withZone(ZONE)))) > 0) {
            throw new BadRequestException("progress.error.futureQuarter");
        }
        if (input.progress() == null) {
            throw new BadRequestException("progress.error.progressRequired");
        }
        String body = Texts.body(input.body(), submit);
        List<ReportFigure> figures = Texts.figures(input.figures());
        List<Long> activities = evidence.checked(input.activityIds(), unitId);
        Optional<ProgressReport> existing = reads.find(taskId, unitId, quarter);
        long id;
        int next;
        if (existing.isEmpty()) {
            id = jdbc.sql("""
                    insert into progress_report (plan_id, task_id, unit_id, division_path, year, quarter, progress,
                        body, figures, activity_ids, created_by)
                    values (:plan, :task, :unit, :path, :year, :quarter, :progress, :body, cast(:figures as jsonb),
                        :activities, :user)
                    on conflict (task_id, unit_id, year, quarter) do nothing
                    returning id
                    """).param("plan", task.planId()).param("task", taskId).param("unit", unitId)
                    .param("path", task.divisionPath()).param("year", quarter.year())
                    .param("quarter", quarter.quarter()).param("progress", input.progress().name())
                    .param("body", body).param("figures", reads.figuresJson(figures))
                    .param("activities", activities.toArray(Long[]::new)).param("user", user.id())
                    .query(Long.class).optional().orElseThrow(() -> new ConflictException("error.conflict"));
            audit.record("CREATE", "progress_report", id, null, snapshot(id));
            next = 0;
        } else {
            ProgressReport r = existing.get();
            id = r.id();
            if (!r.state().editable()) {
                throw new BadRequestException("progress.error.notEditable");
            }
            if (version == null || version != r.version()) {
                throw new ConflictException("error.conflict");
            }
            Map<String, Object> before = snapshot(id);
            int n = jdbc.sql("""
                    update progress_report set progress = :progress, body = :body, figures = cast(:figures as jsonb),
                        activity_ids = :activities, version = version + 1, updated_at = now()
                    where id = :id and version = :version and state in ('DRAFT', 'RETURNED')
                    """).param("progress", input.progress().name()).param("body", body)
                    .param("figures", reads.figuresJson(figures)).param("activities", activities.toArray(Long[]::new))
                    .param("id", id).param("version", version).update();
            if (n == 0) {
                throw new ConflictException("error.conflict");
            }
            audit.record("UPDATE", "progress_report", id, before, snapshot(id));
            next = version + 1;
        }
        if (submit) {
            submit(user, id, next);
        }
        return id;
    }

    /** The unit submits its draft or returned report to the office. */
    public void submit(CurrentUser user, long id, int version) {
        ProgressReport r = reads.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!ReportAccess.canEdit(user, r.unitId())) {
            throw new ForbiddenException("error.forbidden");
        }
        if (!r.state().editable()) {
            throw new BadRequestException("progress.error.notEditable");
        }
        Texts.body(r.body(), true);
        Map<String, Object> before = snapshot(id);
        int n = jdbc.sql("""
                update progress_report set state = 'SUBMITTED', return_reason = null, submitted_by = :user,
                    submitted_at = now(), version = version + 1, updated_at = now()
                where id = :id and version = :version and state in ('DRAFT', 'RETURNED')
                """).param("user", user.id()).param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("SUBMIT", "progress_report", id, before, snapshot(id));
        notices.toOffice(r.divisionPath(), text("progress.notice.submitted.title", r.unitName()),
                text("progress.notice.submitted.body", r.unitName(), r.quarter().label(), r.taskNumbering(),
                        r.taskTitle()), "/progress/reports/" + id);
    }

    /** The office accepts a submitted report. */
    public void accept(CurrentUser user, long id, int version) {
        ProgressReport r = reviewable(user, id);
        Map<String, Object> before = snapshot(id);
        int n = jdbc.sql("""
                update progress_report set state = 'ACCEPTED', reviewed_by = :user, reviewed_at = now(),
                    version = version + 1, updated_at = now()
                where id = :id and version = :version and state = 'SUBMITTED'
                """).param("user", user.id()).param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("ACCEPT", "progress_report", id, before, snapshot(id));
        notices.toUnit(r.unitId(), text("progress.notice.accepted.title"),
                text("progress.notice.accepted.body", r.quarter().label(), r.taskNumbering(), r.taskTitle()),
                "/progress/reports/" + id);
    }

    /** The office returns a submitted report to the unit with a reason. */
    public void returnToUnit(CurrentUser user, long id, int version, String reason) {
        ProgressReport r = reviewable(user, id);
        String why = Texts.reason(reason);
        Map<String, Object> before = snapshot(id);
        int n = jdbc.sql("""
                update progress_report set state = 'RETURNED', return_reason = :reason, reviewed_by = :user,
                    reviewed_at = now(), version = version + 1, updated_at = now()
                where id = :id and version = :version and state = 'SUBMITTED'
                """).param("reason", why).param("user", user.id()).param("id", id).param("version", version)
                .update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("RETURN", "progress_report", id, before, snapshot(id));
        notices.toUnit(r.unitId(), text("progress.notice.returned.title"),
                text("progress.notice.returned.body", r.quarter().label(), r.taskNumbering(), r.taskTitle(), Texts.clause(why)),
                "/progress/reports/" + id);
    }

    private ProgressReport reviewable(CurrentUser user, long id) {
        ProgressReport r = reads.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!ReportAccess.canReview(user, r.divisionPath())) {
            throw new ForbiddenException("error.forbidden");
        }
        if (r.state() != ReportState.SUBMITTED) {
            throw new BadRequestException("progress.error.notSubmitted");
        }
        return r;
    }

    /** The task with its plan; 404 when it does not exist. */
    public TaskRef task(long taskId, long unitId) {
        return jdbc.sql("""
                select t.id, t.plan_id, p.status as plan_status, p.division_path, t.title,
                       exists (select 1 from plan_task_unit u where u.task_id = t.id and u.unit_id = :unit) as linked
                from plan_task t join plan p on p.id = t.plan_id where t.id = :id
                """).param("id", taskId).param("unit", unitId)
                .query((rs, n) -> new TaskRef(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_status"),
                        rs.getString("division_path"), rs.getString("title"), rs.getBoolean("linked")))
                .optional().orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    Map<String, Object> snapshot(long id) {
        return new LinkedHashMap<>(jdbc.sql("""
                select task_id, unit_id, year, quarter, progress, body, figures::text as figures,
                       array_to_string(activity_ids, ',') as activity_ids, state, return_reason, version
                from progress_report where id = :id
                """).param("id", id).query().singleRow());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
