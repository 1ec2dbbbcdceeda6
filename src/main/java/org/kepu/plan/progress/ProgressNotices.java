package org.kepu.plan.progress;

import java.util.List;
import org.kepu.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The in-app notifications of the report workflow: the office accounts covering a division hear of a submitted
 * report; the unit hears that its report was accepted or returned.
 */
@Component
class ProgressNotices {

    private final Notifications notifications;
    private final JdbcClient jdbc;

    ProgressNotices(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /** The enabled office admins whose subtree holds {@code path}. */
    List<Long> officeAccounts(String path) {
        return jdbc.sql("""
                select id from app_user
                where role = 'OFFICE_ADMIN' and enabled and unit_id is null and division_path is not null
                  and (:path = division_path or :path like replace(replace(replace(division_path, '\\', '\\\\'),
                       '%', '\\%'), '_', '\\_') || '/%')
                order by id
                """).param("path", path).query(Long.class).list();
    }

    void toOffice(String path, String title, String body, String link) {
        List<Long> ids = officeAccounts(path);
        if (!ids.isEmpty()) {
            notifications.send(ids, title, body, link, null);
        }
    }

    void toUnit(long unitId, String title, String body, String link) {
        notifications.sendToUnit(unitId, title, body, link, null);
    }
}
