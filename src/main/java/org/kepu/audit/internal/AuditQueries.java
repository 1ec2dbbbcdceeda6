package org.kepu.audit.internal;

import org.kepu.shared.db.Rows;
import java.time.ZoneId;
import java.util.List;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.PageResult;
import org.kepu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the operation log for the audit admin, and nobody else. */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<AuditEntry> search(AuditFilter f) {
        requireAuditAdmin();
        int page = PageResult.clampPage(f.page());
        String where = """
                 where (cast(:from as timestamptz) is null or at >= :from)
                   and (cast(:to as timestamptz) is null or at < :to)
                   and (cast(:user as text) is null or username = :user)
                   and (cast(:action as text) is null or action = :action)
                   and (cast(:entity as text) is null or entity_type = :entity)
                """;
        var from = f.from() == null ? null : f.from().atStartOfDay(CHINA).toOffsetDateTime();
        var to = f.to() == null ? null : f.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime();
        String user = AuditFilter.blankToNull(f.user());
        String action = AuditFilter.blankToNull(f.action());
        String entity = AuditFilter.blankToNull(f.entity());
        long total = jdbc.sql("select count(*) from audit_log" + where).param("from", from).param("to", to)
                .param("user", user).param("action", action).param("entity", entity).query(Long.class).single();
        List<AuditEntry> rows = jdbc.sql("""
                select id, at, user_id, username, action, entity_type, entity_id, cast(before_data as text) before_data,
                       cast(after_data as text) after_data, ip
                from audit_log""" + where + " order by id desc limit :limit offset :offset")
                .param("from", from).param("to", to).param("user", user).param("action", action)
                .param("entity", entity).param("limit", PAGE_SIZE).param("offset", (long) (page - 1) * PAGE_SIZE)
                .query(Rows.of(AuditEntry.class)).list();
        return new PageResult<>(rows, page, PAGE_SIZE, total);
    }

    /** The actions and entity types that occur in the log, for the filter dropdowns. */
    public List<String> actions() {
        requireAuditAdmin();
        return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
    }

    public List<String> entityTypes() {
        requireAuditAdmin();
        return jdbc.sql("select distinct entity_type from audit_log where entity_type is not null order by 1")
                .query(String.class).list();
    }

    static void requireAuditAdmin() {
        if (!CurrentUsers.require().is(Role.AUDIT_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
    }
}
