package org.kepu.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.kepu.notification.Notifications;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PageResult;
import org.kepu.shared.db.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads notifications. Every read and change names the user: a user only ever sees their own rows. */
@Service
public class NotificationService implements Notifications {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 2000;

    private final JdbcClient jdbc;

    NotificationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One notification as its recipient sees it. */
    public record Item(long id, String title, String body, String link, Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    @Override
    @Transactional
    public void send(Collection<Long> userIds, String title, String body, String link, String dedupeKey) {
        if (userIds == null || userIds.isEmpty()) {
            return;
        }
        String t = clip(required(title), TITLE_MAX);
        String b = body == null || body.isBlank() ? null : clip(body.strip(), BODY_MAX);
        String l = safeLink(link);
        String k = dedupeKey == null || dedupeKey.isBlank() ? null : clip(dedupeKey, 200);
        for (Long userId : new LinkedHashSet<>(userIds)) {
            if (userId == null) {
                continue;
            }
            jdbc.sql("""
                    insert into notification (user_id, title, body, link, dedupe_key)
                    select id, :title, :body, :link, :key from app_user where id = :user and enabled
                    on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
                    """).param("title", t).param("body", b).param("link", l).param("key", k)
                    .param("user", userId).update();
        }
    }

    @Override
    @Transactional
    public void sendToUnit(long unitId, String title, String body, String link, String dedupeKey) {
        send(unitAccounts(unitId), title, body, link, dedupeKey);
    }

    /** The enabled accounts whose scope is that member unit. */
    public List<Long> unitAccounts(long unitId) {
        return jdbc.sql("select id from app_user where unit_id = :unit and enabled and role in ('UNIT_LIAISON', 'UNIT_HEAD') order by id")
                .param("unit", unitId).query(Long.class).list();
    }

    public long unreadCount(long userId) {
        return jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
                .param("user", userId).query(Long.class).single();
    }

    /** The user's notifications, newest first; {@code unreadOnly} leaves out the read ones. */
    public PageResult<Item> list(long userId, boolean unreadOnly, int page, int size) {
        String where = "user_id = :user" + (unreadOnly ? " and read_at is null" : "");
        long total = jdbc.sql("select count(*) from notification where " + where).param("user", userId)
                .query(Long.class).single();
        List<Item> rows = jdbc.sql("select id, title, body, link, created_at, read_at from notification where "
                        + where + " order by created_at desc, id desc limit :limit offset :offset")
                .param("user", userId).param("limit", size).param("offset", (long) (page - 1) * size)
                .query(Rows.of(Item.class)).list();
        return new PageResult<>(rows, page, size, total);
    }

    /** Marks one of the user's notifications read and returns it; someone else's id is not found. */
    @Transactional
    public Item open(long userId, long id) {
        jdbc.sql("update notification set read_at = now() where id = :id and user_id = :user and read_at is null")
                .param("id", id).param("user", userId).update();
        return jdbc.sql("select id, title, body, link, created_at, read_at from notification where id = :id and user_id = :user")
                .param("id", id).param("user", userId).query(Rows.of(Item.class)).optional()
                .orElseThrow(() -> new NotFoundException("notification.notFound"));
    }

    /** Marks all the user's notifications read; returns how many were unread. */
    @Transactional
    public int readAll(long userId) {
        return jdbc.sql("update notification set read_at = now() where user_id = :user and read_at is null")
                .param("user", userId).update();
    }

    /** Deletes read notifications older than {@code days}; returns how many. */
    @Transactional
    public int purgeRead(int days) {
        return jdbc.sql("delete from notification where read_at is not null and created_at < now() - make_interval(days => :days)")
                .param("days", days).update();
    }

    /**
     * A link must stay inside the application: an absolute path, not "//host" and no scheme or backslash. Anything
     * else is dropped (the notification is still sent, without a link), so a crafted record cannot turn the inbox
     * into an open redirect.
     */
    static String safeLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.strip();
        if (!l.startsWith("/") || l.startsWith("//") || l.contains("\\") || l.length() > 500
                || l.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return l;
    }

    private static String required(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("notification title required");
        }
        return title.strip();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
