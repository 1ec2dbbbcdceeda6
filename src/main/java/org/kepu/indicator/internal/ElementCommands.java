package org.kepu.indicator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kepu.audit.AuditLog;
import org.kepu.indicator.Aggregation;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.FilterDimension;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.LedgerSource;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes data elements: office admins only, audited, optimistic locking. A changed aggregate
 * or filter drops the element's cached values; the refresh job rebuilds them (reads compute directly meanwhile).
 */
@Service
@Transactional
public class ElementCommands {

    static final int MAX_TEXT = 2000;

    private final ElementStore store;
    private final Sources sources;
    private final Definitions definitions;
    private final SourceEpochs epochs;
    private final AuditLog audit;

    ElementCommands(ElementStore store, Sources sources, Definitions definitions, SourceEpochs epochs,
            AuditLog audit) {
        this.store = store;
        this.sources = sources;
        this.definitions = definitions;
        this.epochs = epochs;
        this.audit = audit;
    }

    public long create(CurrentUser user, ElementData data) {
        requireOffice(user);
        ElementData d = checked(user, data, null);
        long id;
        try {
            id = store.insert(d);
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("indicator.error.codeTakenElement", d.code(), d.code());
        }
        audit.record("CREATE", "indicator_data_element", id, null, snapshot(store.find(id).orElseThrow()));
        return id;
    }

    public void update(CurrentUser user, long id, int version, ElementData data) {
        requireOffice(user);
        DataElement before = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        ElementData d = checked(user, data, id);
        if (!d.code().equals(before.code())) {
            List<Indicator> users = definitions.usersOf(before.code(), null);
            if (!users.isEmpty()) {
                throw new BadRequestException("indicator.element.error.codeInUse", before.code(), users.get(0).name());
            }
        }
        boolean redefined = !d.source().equals(before.source())
                || !d.aggregation().equals(before.aggregation().name())
                || !java.util.Objects.equals(d.measure(), before.measure())
                || !new TreeMap<>(d.filters()).equals(new TreeMap<>(before.filters()));
        try {
            store.update(id, version, d, redefined);
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("indicator.error.codeTakenElement", d.code(), d.code());
        }
        if (redefined) {
            epochs.bump(before.source());
        }
        audit.record("UPDATE", "indicator_data_element", id, snapshot(before), snapshot(store.find(id).orElseThrow()));
    }

    public void delete(CurrentUser user, long id, int version) {
        requireOffice(user);
        DataElement before = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        List<Indicator> users = definitions.usersOf(before.code(), null);
        if (!users.isEmpty()) {
            throw new BadRequestException("indicator.element.error.inUse", users.get(0).name());
        }
        store.delete(id, version);
        audit.record("DELETE", "indicator_data_element", id, snapshot(before), null);
    }

    private ElementData checked(CurrentUser user, ElementData d, Long self) {
        String code = definitions.checkCode(d.code(), self, null);
        String name = trim(d.name());
        if (name == null) {
            throw new BadRequestException("indicator.error.nameRequired");
        }
        if (name.length() > 100) {
            throw new BadRequestException("indicator.error.nameLong");
        }
        LedgerSource source = sources.find(trim(d.source()) == null ? "" : d.source().strip())
                .orElseThrow(() -> new BadRequestException("indicator.element.error.source"));
        Aggregation aggregation;
        try {
            aggregation = Aggregation.valueOf(d.aggregation() == null ? "" : d.aggregation().strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("indicator.element.error.aggregation");
        }
        String measure = aggregation == Aggregation.COUNT ? null : trim(d.measure());
        if (source.measures().stream().noneMatch(m -> m.is(aggregation, measure))) {
            throw new BadRequestException("indicator.element.error.measure");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        List<FilterDimension> dims = source.dimensions(user.scope().divisionPath());
        if (d.filters() != null) {
            for (var f : d.filters().entrySet()) {
                String value = trim(f.getValue());
                if (value == null) {
                    continue;
                }
                FilterDimension dim = dims.stream().filter(x -> x.code().equals(f.getKey())).findFirst()
                        .orElseThrow(() -> new BadRequestException("indicator.element.error.dimension", f.getKey()));
                if (!dim.allows(value)) {
                    throw new BadRequestException("indicator.element.error.filterValue", dim.label(), value);
                }
                filters.put(dim.code(), value);
            }
        }
        String description = trim(d.description());
        if (description != null && description.length() > MAX_TEXT) {
            throw new BadRequestException("indicator.error.descriptionLong", MAX_TEXT);
        }
        return new ElementData(code, name, source.code(), aggregation.name(), measure, filters, description);
    }

    static void requireOffice(CurrentUser user) {
        if (!user.is(Role.OFFICE_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    static Map<String, Object> snapshot(DataElement e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("name", e.name());
        m.put("source", e.source());
        m.put("aggregation", e.aggregation().name());
        m.put("measure", e.measure());
        m.put("filters", new TreeMap<>(e.filters()));
        m.put("description", e.description());
        m.put("version", e.version());
        return m;
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
