package org.kepu.activity;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kepu.activity.internal.ActivityGuard;
import org.kepu.activity.internal.ActivityInputValidator;
import org.kepu.activity.internal.ActivityRow;
import org.kepu.activity.internal.ActivityRules;
import org.kepu.activity.internal.ActivityListRow;
import org.kepu.activity.internal.ActivitySearch;
import org.kepu.activity.internal.ActivityStore;
import org.kepu.activity.internal.NameLookup;
import org.kepu.activity.internal.ValidInput;
import org.kepu.audit.AuditLog;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity ledger for the caller of the current request: every method applies the caller's scope. Reading a
 * record outside it is "not found"; changing one is "forbidden". Every change is audited with before and after.
 */
@Service
@Transactional(readOnly = true)
public class ActivityService {

    /** Times entered and shown in the county's local time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ActivityStore store;
    private final ActivitySearch search;
    private final ActivityInputValidator validator;
    private final NameLookup names;
    private final AuditLog audit;
    private final ActivityGuard guard;

    ActivityService(ActivityStore store, ActivitySearch search, ActivityInputValidator validator, NameLookup names,
            AuditLog audit, ActivityGuard guard) {
        this.guard = guard;
        this.store = store;
        this.search = search;
        this.validator = validator;
        this.names = names;
        this.audit = audit;
    }

    /** One record in the caller's scope, else {@link NotFoundException}. */
    public Activity get(long id) {
        return toActivity(readable(id, CurrentUsers.require()));
    }

    /** What the caller may do with the record (which must be readable). */
    public ActivityActions actions(long id) {
        CurrentUser user = CurrentUsers.require();
        return ActivityRules.actions(user, readable(id, user));
    }

    /** One page of the records in the caller's scope that match {@code filter}. */
    public PageResult<ActivitySummary> search(ActivityFilter filter) {
        CurrentUser user = CurrentUsers.require();
        ActivitySearch.Listing listing = search.list(filter, user.scope(), ZONE);
        return new PageResult<>(summaries(listing.rows()), filter.page(), filter.size(), listing.total());
    }

    /**
     * The filter's page of rows without counting all matches: for short "latest …" lists, where a province-wide
     * count would cost more than the rows themselves.
     */
    public List<ActivitySummary> rows(ActivityFilter filter) {
        CurrentUser user = CurrentUsers.require();
        return summaries(search.listRows(filter, user.scope(), ZONE));
    }

    private List<ActivitySummary> summaries(List<ActivityListRow> page) {
        NameLookup.Names n = names.names().prefetch(page.stream().map(ActivityListRow::divisionCode).toList(),
                page.stream().map(ActivityListRow::organizerUnitId).toList());
        List<ActivitySummary> rows = page.stream()
                .map(r -> new ActivitySummary(r.id(), r.title(), r.themeCode(), r.formatCode(), r.keyGroups(),
                        r.startsAt(), r.endsAt(), r.divisionCode(), n.division(r.divisionCode()), r.organizerUnitId(),
                        n.unit(r.organizerUnitId()), r.participantsOnsite(), r.participantsOnline(), r.status(),
                        r.version()))
                .toList();
        return rows;
    }

    /**
     * Every record in the caller's scope that matches {@code filter} (its paging ignored), in the filter's order, one
     * at a time — for exports.
     */
    public void forEachMatching(ActivityFilter filter, java.util.function.Consumer<Activity> sink) {
        CurrentUser user = CurrentUsers.require();
        int page = 1;
        while (true) {
            List<ActivityRow> rows = search.page(filter.withSize(200).withPage(page), user.scope(), ZONE);
            rows.forEach(r -> sink.accept(toActivity(r)));
            if (rows.size() < 200) {
                return;
            }
            page++;
        }
    }

    /** A new draft. */
    @Transactional
    public Activity create(ActivityInput input) {
        return create(input, null);
    }

    /**
     * A new draft that came from an imported ledger file ({@code importBatchId}, may be null). Joins the caller's
     * transaction, so an import can write all rows or none.
     */
    @Transactional
    public Activity create(ActivityInput input, Long importBatchId) {
        CurrentUser user = CurrentUsers.require();
        if (!ActivityRules.writer(user)) {
            throw new org.kepu.shared.ForbiddenException("error.forbidden");
        }
        ValidInput valid = validator.validate(input, user, null, ZONE);
        long id = store.insert(valid, user.id(), importBatchId);
        Activity created = get(id);
        audit.record("CREATE", "activity", id, null, snapshot(created));
        return created;
    }

    /** Changes the fields of a record loaded at {@code version}; a stale version is a conflict. */
    @Transactional
    public Activity update(long id, int version, ActivityInput input) {
        CurrentUser user = CurrentUsers.require();
        ActivityRow row = writable(id, user, r -> ActivityRules.canEdit(user, r));
        Activity before = toActivity(row);
        ValidInput valid = validator.validate(input, user, row, ZONE);
        store.update(id, version, valid);
        Activity after = toActivity(store.find(id).orElseThrow());
        audit.record(row.status() == ActivityStatus.VERIFIED ? "UPDATE_VERIFIED" : "UPDATE", "activity", id,
                snapshot(before), snapshot(after));
        return after;
    }

    /** Deletes a draft. */
    @Transactional
    public void deleteDraft(long id, int version) {
        CurrentUser user = CurrentUsers.require();
        ActivityRow row = writable(id, user, r -> ActivityRules.canDelete(user, r));
        Activity before = toActivity(row);
        store.delete(id, version);
        audit.record("DELETE", "activity", id, snapshot(before), null);
    }

    @Transactional
    public Activity submit(long id, int version) {
        CurrentUser user = CurrentUsers.require();
        writable(id, user, r -> ActivityRules.canSubmit(user, r));
        return changeStatus(id, version, ActivityStatus.SUBMITTED, null, null, "SUBMIT");
    }

    @Transactional
    public Activity verify(long id, int version) {
        CurrentUser user = CurrentUsers.require();
        requireVerifier(user);
        writable(id, user, r -> ActivityRules.canReview(user, r));
        return changeStatus(id, version, ActivityStatus.VERIFIED, null, user.id(), "VERIFY");
    }

    /** Sends a submitted record back for correction; the reason is required. */
    @Transactional
    public Activity returnForCorrection(long id, int version, String reason) {
        CurrentUser user = CurrentUsers.require();
        requireVerifier(user);
        writable(id, user, r -> ActivityRules.canReview(user, r));
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new ActivityValidationException(Map.of("reason", "activity.error.reasonRequired"));
        }
        if (clean.length() > 1000) {
            throw new ActivityValidationException(Map.of("reason", "activity.error.tooLong"));
        }
        return changeStatus(id, version, ActivityStatus.RETURNED, clean, null, "RETURN");
    }

    private Activity changeStatus(long id, int version, ActivityStatus status, String reason, Long verifiedBy,
            String action) {
        Activity before = toActivity(store.find(id).orElseThrow());
        store.changeStatus(id, version, status, reason, verifiedBy);
        Activity after = toActivity(store.find(id).orElseThrow());
        audit.record(action, "activity", id, statusSnapshot(before), statusSnapshot(after));
        return after;
    }

    private static void requireVerifier(CurrentUser user) {
        if (!user.role().verifier()) {
            throw new org.kepu.shared.ForbiddenException("error.forbidden");
        }
    }

    private ActivityRow readable(long id, CurrentUser user) {
        return guard.readable(id, user);
    }

    private ActivityRow writable(long id, CurrentUser user, Predicate<ActivityRow> rule) {
        return guard.writable(id, user, rule);
    }

    private Activity toActivity(ActivityRow r) {
        NameLookup.Names n = names.names();
        List<Long> co = store.coOrganizers(r.id());
        return new Activity(r.id(), r.title(), r.themeCode(), r.formatCode(), r.keyGroups(), r.startsAt(), r.endsAt(),
                r.divisionCode(), r.divisionPath(), n.division(r.divisionCode()), r.organizerUnitId(),
                n.unit(r.organizerUnitId()), co, co.stream().map(n::unit).toList(), r.participantsOnsite(),
                r.participantsOnline(),
                r.materialsCount(), r.volunteersCount(), r.mediaCoverage(), r.description(), r.status(),
                r.returnReason(), r.createdBy(), r.submittedAt(), r.verifiedAt(), r.verifiedBy(), r.version(),
                r.createdAt(), r.updatedAt());
    }

    private static Map<String, Object> snapshot(Activity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", a.title());
        m.put("theme", a.themeCode());
        m.put("format", a.formatCode());
        m.put("keyGroups", a.keyGroups());
        m.put("startsAt", a.startsAt().toString());
        m.put("endsAt", a.endsAt().toString());
        m.put("division", a.divisionCode());
        m.put("organizerUnitId", a.organizerUnitId());
        m.put("coOrganizerIds", a.coOrganizerIds());
        m.put("participantsOnsite", a.participantsOnsite());
        m.put("participantsOnline", a.participantsOnline());
        m.put("materialsCount", a.materialsCount());
        m.put("volunteersCount", a.volunteersCount());
        m.put("mediaCoverage", a.mediaCoverage());
        m.put("description", a.description());
        m.put("status", a.status().name());
        m.put("version", a.version());
        return m;
    }

    private static Map<String, Object> statusSnapshot(Activity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status().name());
        m.put("returnReason", a.returnReason());
        m.put("version", a.version());
        return m;
    }
}
