package org.kepu.activity;

import org.kepu.shared.ReferenceDataChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.kepu.shared.db.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The managed dictionaries of activity themes and formats (table dict_item); the office maintains them. */
@Service
@Transactional(readOnly = true)
public class ActivityDictionary {

    public static final String THEME = "ACTIVITY_THEME";
    public static final String FORMAT = "ACTIVITY_FORMAT";
    private static final String COLUMNS = "id, dict, code, label, sort_order, active";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ActivityDictionary(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Active themes in display order. */
    public List<DictEntry> themes() {
        return active(THEME);
    }

    /** Active formats in display order. */
    public List<DictEntry> formats() {
        return active(FORMAT);
    }

    private List<DictEntry> active(String dict) {
        return jdbc.sql("select " + COLUMNS + " from dict_item where dict = :d and active order by sort_order, id")
                .param("d", dict).query(Rows.of(DictEntry.class)).list();
    }

    /** All entries of a dictionary, inactive ones included (for the admin page). */
    public List<DictEntry> all(String dict) {
        return jdbc.sql("select " + COLUMNS + " from dict_item where dict = :d order by sort_order, id")
                .param("d", checkDict(dict)).query(Rows.of(DictEntry.class)).list();
    }

    /** Code → label of every entry (inactive ones too, so old records still show their label). */
    public Map<String, String> labels(String dict) {
        Map<String, String> m = new LinkedHashMap<>();
        all(dict).forEach(e -> m.put(e.code(), e.label()));
        return m;
    }

    public String label(String dict, String code) {
        return code == null ? "" : labels(dict).getOrDefault(code, code);
    }

    public boolean isActive(String dict, String code) {
        return code != null && jdbc.sql("select count(*) from dict_item where dict = :d and code = :c and active")
                .param("d", dict).param("c", code).query(Long.class).single() > 0;
    }

    /** Adds an entry; its code is generated. Office admins only. */
    @Transactional
    public DictEntry add(String dict, String label) {
        events.publishEvent(new ReferenceDataChanged("dictionary"));
        requireOffice();
        String clean = cleanLabel(label);
        requireUniqueLabel(dict, clean, -1);
        long next = jdbc.sql("select coalesce(max(id), 0) + 1 from dict_item").query(Long.class).single();
        int sort = jdbc.sql("select coalesce(max(sort_order), 0) from dict_item where dict = :d and sort_order < 999")
                .param("d", checkDict(dict)).query(Integer.class).single() + 10;
        long id = jdbc.sql("insert into dict_item (dict, code, label, sort_order) values (:d, :c, :l, :s) returning id")
                .param("d", dict).param("c", "CUSTOM_" + next).param("l", clean).param("s", sort)
                .query(Long.class).single();
        DictEntry created = require(id);
        audit.record("CREATE", "dict_item", id, null, created);
        return created;
    }

    @Transactional
    public DictEntry rename(long id, String label) {
        events.publishEvent(new ReferenceDataChanged("dictionary"));
        requireOffice();
        DictEntry before = require(id);
        String clean = cleanLabel(label);
        requireUniqueLabel(before.dict(), clean, id);
        jdbc.sql("update dict_item set label = :l where id = :id").param("l", clean).param("id", id).update();
        DictEntry after = require(id);
        audit.record("UPDATE", "dict_item", id, before, after);
        return after;
    }

    @Transactional
    public DictEntry setActive(long id, boolean active) {
        events.publishEvent(new ReferenceDataChanged("dictionary"));
        requireOffice();
        DictEntry before = require(id);
        jdbc.sql("update dict_item set active = :a where id = :id").param("a", active).param("id", id).update();
        DictEntry after = require(id);
        audit.record("UPDATE", "dict_item", id, before, after);
        return after;
    }

    private DictEntry require(long id) {
        return jdbc.sql("select " + COLUMNS + " from dict_item where id = :id and dict in (:dicts)").param("id", id)
                .param("dicts", List.of(THEME, FORMAT)).query(Rows.of(DictEntry.class)).optional()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private void requireUniqueLabel(String dict, String label, long exceptId) {
        long n = jdbc.sql("select count(*) from dict_item where dict = :d and label = :l and id <> :id")
                .param("d", dict).param("l", label).param("id", exceptId).query(Long.class).single();
        if (n > 0) {
            throw new BadRequestException("dictionary.labelExists", label);
        }
    }

    private static String cleanLabel(String label) {
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new BadRequestException("dictionary.labelInvalid");
        }
        return clean;
    }

    private static String checkDict(String dict) {
        if (!THEME.equals(dict) && !FORMAT.equals(dict)) {
            throw new NotFoundException("error.notFound");
        }
        return dict;
    }

    private static void requireOffice() {
        CurrentUser user = CurrentUsers.require();
        if (user.role() != Role.OFFICE_ADMIN) {
            throw new ForbiddenException("error.forbidden");
        }
    }
}
