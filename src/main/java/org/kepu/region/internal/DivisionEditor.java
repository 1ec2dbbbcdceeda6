package org.kepu.region.internal;

import org.kepu.shared.ReferenceDataChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a division's resident population (常住人口) and urban/rural type, with optimistic locking and audit. */
@Service
public class DivisionEditor {

    public static final int MAX_POPULATION = 200_000_000;

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DivisionEditor(JdbcClient jdbc, DivisionService divisions, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.audit = audit;
    }

    @Transactional
    public Division update(CurrentUser user, String code, Integer population, String urbanRural, int version) {
        events.publishEvent(new ReferenceDataChanged("division"));
        Division before = divisions.require(code);
        if (!DivisionAccess.canEdit(user, before.path())) {
            throw new ForbiddenException("error.forbidden");
        }
        if (population != null && (population < 0 || population > MAX_POPULATION)) {
            throw new BadRequestException("division.error.population", MAX_POPULATION);
        }
        String ur = urbanRural == null || urbanRural.isBlank() ? null : urbanRural;
        if (ur != null && !ur.equals("URBAN") && !ur.equals("RURAL")) {
            throw new BadRequestException("division.error.urbanRural");
        }
        int n = jdbc.sql("""
                update division set population = :population, urban_rural = :ur, version = version + 1,
                    updated_at = now()
                where code = :code and version = :version
                """).param("population", population).param("ur", ur).param("code", code).param("version", version)
                .update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        Division after = divisions.require(code);
        audit.record("UPDATE", "division", code, snapshot(before), snapshot(after));
        return after;
    }

    private static Map<String, Object> snapshot(Division d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("population", d.population());
        m.put("urbanRural", d.urbanRural());
        m.put("version", d.version());
        return m;
    }
}
