package org.kepu.indicator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.indicator.Indicator;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes indicators: office admins only, formulas checked, audited, optimistic locking. */
@Service
@Transactional
public class IndicatorCommands {

    private final IndicatorStore store;
    private final Definitions definitions;
    private final AuditLog audit;

    IndicatorCommands(IndicatorStore store, Definitions definitions, AuditLog audit) {
        this.store = store;
        this.definitions = definitions;
        this.audit = audit;
    }

    public long create(CurrentUser user, IndicatorData data) {
        ElementCommands.requireOffice(user);
        IndicatorData d = checked(data, null);
        long id;
        try {
            id = store.insert(d);
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("indicator.error.codeTakenIndicator", d.code(), d.code());
        }
        audit.record("CREATE", "indicator", id, null, snapshot(store.find(id).orElseThrow()));
        return id;
    }

    public void update(CurrentUser user, long id, int version, IndicatorData data) {
        ElementCommands.requireOffice(user);
        Indicator before = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        IndicatorData d = checked(data, id);
        if (!d.code().equals(before.code())) {
            List<Indicator> users = definitions.usersOf(before.code(), id);
            if (!users.isEmpty()) {
                throw new BadRequestException("indicator.error.codeInUse", before.code(), users.get(0).name());
            }
        }
        try {
            store.update(id, version, d);
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("indicator.error.codeTakenIndicator", d.code(), d.code());
        }
        audit.record("UPDATE", "indicator", id, snapshot(before), snapshot(store.find(id).orElseThrow()));
    }

    public void delete(CurrentUser user, long id, int version) {
        ElementCommands.requireOffice(user);
        Indicator before = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (store.targetCount(id) > 0) {
            throw new BadRequestException("indicator.error.hasTargets", store.targetCount(id));
        }
        List<Indicator> users = definitions.usersOf(before.code(), id);
        if (!users.isEmpty()) {
            throw new BadRequestException("indicator.error.inUse", users.get(0).name());
        }
        store.delete(id, version);
        audit.record("DELETE", "indicator", id, snapshot(before), null);
    }

    private IndicatorData checked(IndicatorData d, Long self) {
        String code = definitions.checkCode(d.code(), null, self);
        String name = ElementCommands.trim(d.name());
        if (name == null) {
            throw new BadRequestException("indicator.error.nameRequired");
        }
        if (name.length() > 100) {
            throw new BadRequestException("indicator.error.nameLong");
        }
        String formula = definitions.checkFormula(code, self, d.formula());
        String unit = ElementCommands.trim(d.unitOfMeasure());
        if (unit != null && unit.length() > 20) {
            throw new BadRequestException("indicator.error.unitLong");
        }
        int decimals = d.decimals() == null ? 0 : d.decimals();
        if (decimals < 0 || decimals > 4) {
            throw new BadRequestException("indicator.error.decimals");
        }
        int sortOrder = d.sortOrder() == null ? 0 : d.sortOrder();
        if (sortOrder < 0 || sortOrder > 9999) {
            throw new BadRequestException("indicator.error.sortOrder");
        }
        String description = ElementCommands.trim(d.description());
        if (description != null && description.length() > ElementCommands.MAX_TEXT) {
            throw new BadRequestException("indicator.error.descriptionLong", ElementCommands.MAX_TEXT);
        }
        return new IndicatorData(code, name, formula, unit == null ? "" : unit, decimals, description, sortOrder,
                d.active() == null || d.active());
    }

    static Map<String, Object> snapshot(Indicator i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", i.code());
        m.put("name", i.name());
        m.put("formula", i.formula());
        m.put("unitOfMeasure", i.unitOfMeasure());
        m.put("decimals", i.decimals());
        m.put("description", i.description());
        m.put("sortOrder", i.sortOrder());
        m.put("active", i.active());
        m.put("version", i.version());
        return m;
    }
}
