package org.kepu.plan.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.kepu.notification.Reminder;
import org.kepu.notification.ReminderSource;
import org.kepu.plan.Quarter;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadlines of progress reporting for the daily reminder job: a quarter's report, a task's deadline and the
 * annual implementation report. A unit that still owes something hears of it when a deadline is at most N days away
 * (N from {@code kepu.progress.reminder-days}, default 7 and 1: one reminder per step, however often the job runs) and
 * once when it has passed (within {@link #OVERDUE_WINDOW_DAYS} days of it).
 */
@Component
@Transactional(readOnly = true)
class ProgressReminders implements ReminderSource {

    static final int OVERDUE_WINDOW_DAYS = 31;

    private final JdbcClient jdbc;
    private final ProgressProperties props;
    private final MessageSource messages;

    ProgressReminders(JdbcClient jdbc, ProgressProperties props, MessageSource messages) {
        this.jdbc = jdbc;
        this.props = props;
        this.messages = messages;
    }

    @Override
    public List<Reminder> remindersDue(LocalDate today) {
        List<Reminder> out = new ArrayList<>();
        quarterly(today, out);
        taskDeadlines(today, out);
        annual(today, out);
        return out;
    }

    /** The reminder step for a deadline {@code days} away ("d7", "d1"), "overdue", or null when none is due. */
    String step(LocalDate today, LocalDate due) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days < 0) {
            return -days <= OVERDUE_WINDOW_DAYS ? "overdue" : null;
        }
        for (int n : props.reminderDays()) {
            if (days <= n) {
                return "d" + n;
            }
        }
        return null;
    }

    private void quarterly(LocalDate today, List<Reminder> out) {
        Quarter q = Quarter.reportingOn(today);
        LocalDate due = props.quarterDue(q);
        String step = step(today, due);
        if (step == null) {
            return;
        }
        record Owing(long planId, String title, LocalDate issuedOn, Integer periodStart, long unitId, int tasks) {
        }
        List<Owing> rows = jdbc.sql("""
                select p.id as plan_id, p.title, p.issued_on, p.period_start, u.unit_id, count(*) as tasks
                from plan p join plan_task t on t.plan_id = p.id join plan_task_unit u on u.task_id = t.id
                where p.status = 'IN_FORCE' and u.unit_id is not null
                  and not exists (select 1 from progress_report r where r.task_id = u.task_id and r.unit_id = u.unit_id
                                  and r.state in ('SUBMITTED', 'ACCEPTED')
                                  and (r.year = :y and r.quarter = :q
                                       or r.progress = 'DONE' and (r.year < :y or r.year = :y and r.quarter < :q)))
                group by p.id, p.title, p.issued_on, p.period_start, u.unit_id
                order by p.id, u.unit_id
                """).param("y", q.year()).param("q", q.quarter())
                .query((rs, n) -> new Owing(rs.getLong("plan_id"), rs.getString("title"),
                        rs.getObject("issued_on", LocalDate.class), (Integer) rs.getObject("period_start"),
                        rs.getLong("unit_id"), rs.getInt("tasks")))
                .list();
        for (Owing o : rows) {
            if (!ProgressStatus.required(o.issuedOn(), o.periodStart(), q)) {
                continue;
            }
            boolean overdue = step.equals("overdue");
            out.add(new Reminder("progress:quarter:" + o.planId() + ":" + o.unitId() + ":" + q + ":" + step,
                    o.unitId(), null,
                    text(overdue ? "progress.remind.quarterOverdue.title" : "progress.remind.quarter.title",
                            q.label(), due.toString()),
                    text("progress.remind.quarter.body", o.title(), o.tasks(), q.label(), due.toString()),
                    "/progress/my?quarter=" + q, due));
        }
    }

    private void taskDeadlines(LocalDate today, List<Reminder> out) {
        int ahead = props.reminderDays().isEmpty() ? 0 : props.reminderDays().get(props.reminderDays().size() - 1);
        record Owing(long taskId, long planId, String numbering, String title, LocalDate deadline, long unitId) {
        }
        List<Owing> rows = jdbc.sql("""
                select t.id as task_id, t.plan_id, t.numbering, t.title, t.deadline, u.unit_id
                from plan p join plan_task t on t.plan_id = p.id join plan_task_unit u on u.task_id = t.id
                where p.status = 'IN_FORCE' and u.unit_id is not null and t.deadline is not null
                  and t.deadline between :from and :to
                  and not exists (select 1 from progress_report r where r.task_id = u.task_id and r.unit_id = u.unit_id
                                  and r.state in ('SUBMITTED', 'ACCEPTED') and r.progress = 'DONE')
                order by t.deadline, t.id, u.unit_id
                """).param("from", today.minusDays(OVERDUE_WINDOW_DAYS)).param("to", today.plusDays(ahead))
                .query((rs, n) -> new Owing(rs.getLong("task_id"), rs.getLong("plan_id"), rs.getString("numbering"),
                        rs.getString("title"), rs.getObject("deadline", LocalDate.class), rs.getLong("unit_id")))
                .list();
        for (Owing o : rows) {
            String step = step(today, o.deadline());
            if (step == null) {
                continue;
            }
            boolean overdue = step.equals("overdue");
            String title = o.title().length() > 40 ? o.title().substring(0, 40) + "…" : o.title();
            out.add(new Reminder("progress:task:" + o.taskId() + ":" + o.unitId() + ":" + step, o.unitId(), null,
                    text(overdue ? "progress.remind.taskOverdue.title" : "progress.remind.task.title",
                            o.deadline().toString()),
                    text("progress.remind.task.body", o.numbering() + title, o.deadline().toString()),
                    "/plans/" + o.planId() + "/tasks/" + o.taskId() + "/progress", o.deadline()));
        }
    }

    private void annual(LocalDate today, List<Reminder> out) {
        for (int year : List.of(today.getYear() - 1, today.getYear())) {
            LocalDate due = props.annualDue(year);
            String step = step(today, due);
            if (step == null) {
                continue;
            }
            List<Long> owing = jdbc.sql("""
                    select distinct u.unit_id
                    from plan p join plan_task t on t.plan_id = p.id join plan_task_unit u on u.task_id = t.id
                    where p.status = 'IN_FORCE' and u.unit_id is not null
                      and not exists (select 1 from progress_annual_report a where a.unit_id = u.unit_id
                                      and a.year = :y and a.state in ('SUBMITTED', 'ACCEPTED'))
                    order by u.unit_id
                    """).param("y", year).query(Long.class).list();
            boolean overdue = step.equals("overdue");
            for (Long unitId : owing) {
                out.add(new Reminder("progress:annual:" + unitId + ":" + year + ":" + step, unitId, null,
                        text(overdue ? "progress.remind.annualOverdue.title" : "progress.remind.annual.title",
                                String.valueOf(year), due.toString()),
                        text("progress.remind.annual.body", String.valueOf(year), due.toString()), "/progress/annual/my?year=" + year,
                        due));
            }
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
