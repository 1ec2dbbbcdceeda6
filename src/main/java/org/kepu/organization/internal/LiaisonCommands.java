package org.kepu.organization.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes and removes a unit's liaisons (the office admin in scope, or the unit's own liaison/head). Phones are
 * stored encrypted; the audit log records them masked.
 */
@Service
@Transactional
public class LiaisonCommands {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;

    LiaisonCommands(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    public long add(CurrentUser user, long unitId, LiaisonData data) {
        allowed(user, unitId);
        return add(unitId, data);
    }

    /** Adds a liaison without a caller check (demo data). */
    long add(long unitId, LiaisonData data) {
        LiaisonData d = checked(data);
        long id = jdbc.sql("""
                insert into member_unit_liaison (unit_id, name, post, phone_enc, email, sort_order)
                values (:unit, :name, :post, :phone, :email, :sortOrder) returning id
                """).param("unit", unitId).param("name", d.name()).param("post", d.post())
                .param("phone", cipher.encrypt(d.phone())).param("email", d.email()).param("sortOrder", d.sortOrder())
                .query(Long.class).single();
        audit.record("CREATE", "member_unit_liaison", id, null, snapshot(id));
        return id;
    }

    public void update(CurrentUser user, long unitId, long id, LiaisonData data, int version) {
        allowed(user, unitId);
        requireOf(unitId, id);
        LiaisonData d = checked(data);
        Map<String, Object> before = snapshot(id);
        boolean keepPhone = d.phone() == null && !data.clearPhone();
        int n = jdbc.sql("""
                update member_unit_liaison set name = :name, post = :post, email = :email, sort_order = :sortOrder,
                    phone_enc = case when :keepPhone then phone_enc else :phone end,
                    version = version + 1, updated_at = now()
                where id = :id and unit_id = :unit and version = :version
                """).param("name", d.name()).param("post", d.post()).param("email", d.email())
                .param("sortOrder", d.sortOrder()).param("keepPhone", keepPhone)
                .param("phone", cipher.encrypt(d.phone())).param("id", id).param("unit", unitId)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        audit.record("UPDATE", "member_unit_liaison", id, before, snapshot(id));
    }

    public void delete(CurrentUser user, long unitId, long id) {
        allowed(user, unitId);
        requireOf(unitId, id);
        Map<String, Object> before = snapshot(id);
        jdbc.sql("delete from member_unit_liaison where id = :id").param("id", id).update();
        audit.record("DELETE", "member_unit_liaison", id, before, null);
    }

    private void allowed(CurrentUser user, long unitId) {
        String path = jdbc.sql("select division_path from member_unit where id = :id").param("id", unitId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!UnitAccess.canManageLiaisons(user, unitId, path)) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    private void requireOf(long unitId, long id) {
        boolean ok = jdbc.sql("select count(*) from member_unit_liaison where id = :id and unit_id = :unit")
                .param("id", id).param("unit", unitId).query(Long.class).single() == 1;
        if (!ok) {
            throw new NotFoundException("error.notFound");
        }
    }

    private Map<String, Object> snapshot(long id) {
        return jdbc.sql("select unit_id, name, post, phone_enc, email, sort_order, version from member_unit_liaison"
                + " where id = :id").param("id", id).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("unitId", rs.getLong("unit_id"));
                    m.put("name", rs.getString("name"));
                    m.put("post", rs.getString("post"));
                    m.put("phone", PersonalDataCipher.maskPhone(cipher.decrypt(rs.getString("phone_enc"))));
                    m.put("email", rs.getString("email"));
                    m.put("sortOrder", rs.getInt("sort_order"));
                    m.put("version", rs.getInt("version"));
                    return m;
                }).single();
    }

    static LiaisonData checked(LiaisonData d) {
        String name = trim(d.name());
        if (name == null) {
            throw new BadRequestException("liaison.error.nameRequired");
        }
        if (name.length() > 50) {
            throw new BadRequestException("liaison.error.nameLong");
        }
        String post = trim(d.post());
        if (post != null && post.length() > 100) {
            throw new BadRequestException("liaison.error.postLong");
        }
        String phone = trim(d.phone());
        if (phone != null) {
            phone = phone.replace(" ", "").replace("-", "");
            if (!phone.matches("1\\d{10}|0\\d{9,11}|\\d{7,8}")) {
                throw new BadRequestException("liaison.error.phone", d.phone());
            }
        }
        String email = trim(d.email());
        if (email != null && (email.length() > 100 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new BadRequestException("liaison.error.email", d.email());
        }
        int sortOrder = d.sortOrder() == null ? 0 : d.sortOrder();
        return new LiaisonData(name, post, phone, email, sortOrder, d.clearPhone());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
