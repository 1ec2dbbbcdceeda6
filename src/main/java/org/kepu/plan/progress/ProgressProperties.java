package org.kepu.plan.progress;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.kepu.plan.Quarter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadlines of progress reporting, in one place ({@code kepu.progress.*}).
 *
 * @param quarterlyDueDay a quarter's report is due on this day of the month after the quarter (default 10)
 * @param annualDue the annual implementation report is due on this day of the year (default 12-20, seed 004:
 *     "各成员单位在每年12月20日前将各单位实施情况报县纲要办")
 * @param reminderDays reminders go out this many days before a due date or a task deadline (default 7 and 1)
 */
@ConfigurationProperties("kepu.progress")
public record ProgressProperties(Integer quarterlyDueDay, String annualDue, List<Integer> reminderDays) {

    public ProgressProperties {
        quarterlyDueDay = quarterlyDueDay == null ? 10 : quarterlyDueDay;
        if (quarterlyDueDay < 1 || quarterlyDueDay > 28) {
            throw new IllegalArgumentException("kepu.progress.quarterly-due-day must be 1..28");
        }
        annualDue = annualDue == null || annualDue.isBlank() ? "12-20" : annualDue.strip();
        MonthDay.parse("--" + annualDue);
        reminderDays = reminderDays == null || reminderDays.isEmpty() ? List.of(7, 1)
                : reminderDays.stream().filter(d -> d != null && d >= 0).sorted().distinct().toList();
    }

    public static ProgressProperties defaults() {
        return new ProgressProperties(null, null, null);
    }

    public LocalDate quarterDue(Quarter q) {
        return q.dueDate(quarterlyDueDay);
    }

    public LocalDate annualDue(int year) {
        return MonthDay.parse("--" + annualDue).atYear(year);
    }

    /** A report for {@code q} not submitted is overdue from the day after its due date. */
    public boolean quarterOverdue(Quarter q, LocalDate today) {
        return today.isAfter(quarterDue(q));
    }
}
