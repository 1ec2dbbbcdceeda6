package org.kepu.plan.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kepu.audit.AuditLog;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.ReportState;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.ScopeSql;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual implementation reports: every member unit with tasks in a plan in force submits one per year (seed 004:
 * "各成员单位在每年12月20日前将各单位实施情况报县纲要办"); the same draft → submitted → accepted / returned workflow as
 * the quarterly reports.
 */
@Service
@Transactional
public class AnnualReports {

    static final String SELECT = """
            select r.id, r.unit_id, r.division_path, r.year, r.body, r.activity_ids, r.state, r.return_reason,
                   r.submitted_at, r.reviewed_at, r.version
            from progress_annual_report r
            """;

    private final JdbcClient jdbc;
    private final MemberUnitService units;
    private final EvidenceLinks evidence;
    private final ProgressNotices notices;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ProgressProperties props;
    private final Clock clock;

    AnnualReports(JdbcClient jdbc, MemberUnitService units, EvidenceLinks evidence, ProgressNotices notices,
            AuditLog audit, MessageSource messages, ProgressProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.evidence = evidence;
        this.notices = notices;
        this.audit = audit;
        this.messages = messages;
        this.props = props;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AnnualReport get(CurrentUser user, long id) {
        ScopeSql s = ReportAccess.readable(user, "r.division_path", "r.unit_id", "r.state");
        return named(jdbc.sql(SELECT + " where r.id = :id and " + s.condition()).param("id", id).params(s.params())
                .query(this::row).list()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The unit's report for a year, if written (no caller check). */
    @Transactional(readOnly = true)
    public Optional<AnnualReport> find(long unitId, int year) {
        return named(jdbc.sql(SELECT + " where r.unit_id = :u and r.year = :y").param("u", unitId).param("y", year)
                .query(this::row).list()).stream().findFirst();
    }

    /** The reports of a year the caller may see (every year when {@code year} is null), optionally by state. */
    @Transactional(readOnly = true)
    public List<AnnualReport> list(CurrentUser user, Integer year, List<ReportState> states) {
        ScopeSql s = ReportAccess.readable(user, "r.division_path", "r.unit_id", "r.state");
        StringBuilder where = new StringBuilder(" where ").append(s.condition());
        Map<String, Object> params = new HashMap<>(s.params());
        if (year != null) {
            where.append(" and r.year = :year");
            params.put("year", year);
        }
        if (states != null && !states.isEmpty()) {
            where.append(" and r.state in (:states)");
            params.put("states", states.stream().map(Enum::name).toList());
        }
        return named(jdbc.sql(SELECT + where + " order by r.year desc, r.unit_id limit 1000").params(params)
                .query(this::row).list());
    }

    /**
     * The member units that owe an annual report: those linked to a task of a plan in force, inside the caller's
     * subtree (a unit's own account: only its unit).
     */
    @Transactional(readOnly = true)
    public List<MemberUnitRef> unitsOwing(CurrentUser user) {
        ScopeSql s = ReportAccess.readable(user, "p.division_path", "u.unit_id", null);
        List<Long> ids = jdbc.sql("""
                select distinct u.unit_id from plan_task_unit u join plan_task t on t.id = u.task_id
                join plan p on p.id = t.plan_id
                where u.unit_id is not null and p.status = 'IN_FORCE' and\s""" + s.condition())
                .params(s.params()).query(Long.class).list();
        List<MemberUnitRef> out = new ArrayList<>();
        for (Long id : ids) {
            units.find(id).ifPresent(out::add);
        }
        out.sort(java.util.Comparator.comparing(MemberUnitRef::name));
        return out;
    }

    /** Saves the caller's unit's report for {@code year} (creates or changes it) and submits it when asked. */
    public long save(CurrentUser user, int year, String body, List<Long> activityIds, Integer version,
            boolean submit) {
        Long unitId = user.scope().unitId();
        if (!ReportAccess.isUnit(user) || unitId == null) {
            throw new ForbiddenException("error.forbidden");
        }
        int thisYear = LocalDate.now(clock.withZone(ReportCommands.ZONE)).getYear();
        if (year > thisYear || year < 1990) {
            throw new BadRequestException("progress.error.futureYear");
        }
        MemberUnitRef unit = units.find(unitId).orElseThrow(() -> new NotFoundException("error.notFound"));
        String text = Texts.body(body, submit);
        List<Long> activities = evidence.checked(activityIds, unitId);
        Optional<AnnualReport> existing = find(unitId, year);
        long id;
        int next;
        if (existing.isEmpty()) {
            id = jdbc.sql("""
                    insert into progress_annual_report (unit_id, division_path, year, body, activity_ids, created_by)
                    values (:unit, :path, :year, :body, :activities, :user)
                    on conflict (unit_id, year) do nothing returning id
                    """).param("unit", unitId).param("path", unit.divisionPath()).param("year", year)
                    .param("body", text).param("activities", activities.toArray(Long[]::new))
                    .param("user", user.id()).query(Long.class).optional()
                    .orElseThrow(() -> new ConflictException("error.conflict"));
            audit.record("CREATE", "progress_annual_report", id, null, snapshot(id));
            next = 0;
        } else {
            AnnualReport r = existing.get();
            id = r.id();
            if (!r.state().editable()) {
                throw new BadRequestException("progress.error.notEditable");
            }
            if (version == null || version != r.version()) {
                throw new ConflictException("error.conflict");
            }
            Map<String, Object> before = snapshot(id);
            int n = jdbc.sql("""
                    update progress_annual_report set body = :body, activity_ids = :activities,
                        version = version + 1, updated_at = now()
                    where id = :id and version = :version and state in ('DRAFT', 'RETURNED')
                    """).param("body", text).param("activities", activities.toArray(Long[]::new)).param("id", id)
                    .param("version", version).update();
            if (n == 0) {
                throw new ConflictException("error.conflict");
            }
            audit.record("UPDATE", "progress_annual_report", id, before, snapshot(id));
            next = version + 1;
        }
        if (submit) {
            submit(user, id, next);
        }
        return id;
    }

    public void submit(CurrentUser user, long id, int version) {
        AnnualReport r = byId(id);
        if (!ReportAccess.canEdit(user, r.unitId())) {
            throw new ForbiddenException("error.forbidden");
        }
        if (!r.state().editable()) {
            throw new BadRequestException("progress.error.notEditable");
        }
        Texts.body(r.body(), true);
        transition(id, version, "SUBMITTED", "submitted_by = :user, submitted_at = now(), return_reason = null",
                "state in ('DRAFT', 'RETURNED')", user.id(), null, "SUBMIT");
        notices.toOffice(r.divisionPath(), text("progress.notice.annualSubmitted.title", r.unitName()),
                text("progress.notice.annualSubmitted.body", r.unitName(), String.valueOf(r.year())), "/progress/annual/" + id);
    }

    public void accept(CurrentUser user, long id, int version) {
        AnnualReport r = reviewable(user, id);
        transition(id, version, "ACCEPTED", "reviewed_by = :user, reviewed_at = now()", "state = 'SUBMITTED'",
                user.id(), null, "ACCEPT");
        notices.toUnit(r.unitId(), text("progress.notice.accepted.title"),
                text("progress.notice.annualAccepted.body", String.valueOf(r.year())), "/progress/annual/" + id);
    }

    public void returnToUnit(CurrentUser user, long id, int version, String reason) {
        AnnualReport r = reviewable(user, id);
        String why = Texts.reason(reason);
        transition(id, version, "RETURNED", "reviewed_by = :user, reviewed_at = now(), return_reason = :reason",
                "state = 'SUBMITTED'", user.id(), why, "RETURN");
        notices.toUnit(r.unitId(), text("progress.notice.returned.title"),
                text("progress.notice.annualReturned.body", String.valueOf(r.year()), Texts.clause(why)), "/progress/annual/" + id);
    }

    private void transition(long id, int version, String state, String set, String from, long userId,
            String reason, String action) {
        Map<String, Object> before = snapshot(id);
        var spec = jdbc.sql("update progress_annual_report set state = :state, " + set
                + ", version = version + 1, updated_at = now() where id = :id and version = :version and " + from)
                .param("state", state).param("user", userId).param("id", id).param("version", version);
        if (reason != null) {
            spec = spec.param("reason", reason);
        }
        if (spec.update() == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record(action, "progress_annual_report", id, before, snapshot(id));
    }

    private AnnualReport reviewable(CurrentUser user, long id) {
        AnnualReport r = byId(id);
        if (!ReportAccess.canReview(user, r.divisionPath())) {
            throw new ForbiddenException("error.forbidden");
        }
        if (r.state() != ReportState.SUBMITTED) {
            throw new BadRequestException("progress.error.notSubmitted");
        }
        return r;
    }

    private AnnualReport byId(long id) {
        return named(jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::row).list()).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private Map<String, Object> snapshot(long id) {
        return new LinkedHashMap<>(jdbc.sql("""
                select unit_id, year, body, array_to_string(activity_ids, ',') as activity_ids, state, return_reason,
                       version
                from progress_annual_report where id = :id
                """).param("id", id).query().singleRow());
    }

    private List<AnnualReport> named(List<AnnualReport> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, String> names = units.names(rows.stream().map(AnnualReport::unitId).distinct().toList());
        return rows.stream().map(r -> new AnnualReport(r.id(), r.unitId(),
                names.getOrDefault(r.unitId(), "#" + r.unitId()), r.divisionPath(), r.year(), r.body(),
                r.activityIds(), r.state(), r.returnReason(), r.submittedAt(), r.reviewedAt(), r.version(), r.due()))
                .toList();
    }

    private AnnualReport row(ResultSet rs, int n) throws SQLException {
        int year = rs.getInt("year");
        return new AnnualReport(rs.getLong("id"), rs.getLong("unit_id"), null, rs.getString("division_path"), year,
                rs.getString("body"), ReportReads.ids(rs.getArray("activity_ids")),
                ReportState.valueOf(rs.getString("state")), rs.getString("return_reason"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getInt("version"), props.annualDue(year));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
