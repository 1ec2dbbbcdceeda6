package org.kepu.plan.progress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.kepu.activity.Activity;
import org.kepu.activity.ActivityService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Checks the activities a report gives as evidence: each must exist in the ledger, be visible to the caller and be
 * organised or co-organised by the reporting unit.
 */
@Component
public class EvidenceLinks {

    static final int MAX = 20;

    private final ActivityService activities;

    EvidenceLinks(ActivityService activities) {
        this.activities = activities;
    }

    List<Long> checked(List<Long> ids, long unitId) {
        List<Long> out = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.of() : ids));
        if (out.size() > MAX) {
            throw new BadRequestException("progress.error.activitiesTooMany", MAX);
        }
        for (Long id : out) {
            Activity a;
            try {
                a = activities.get(id);
            } catch (NotFoundException e) {
                throw new BadRequestException("progress.error.activity", id);
            }
            boolean ours = a.organizerUnitId() != null && a.organizerUnitId() == unitId
                    || a.coOrganizerIds() != null && a.coOrganizerIds().contains(unitId);
            if (!ours) {
                throw new BadRequestException("progress.error.activityNotOurs", id);
            }
        }
        return out;
    }

    /** The titles of the linked activities the caller may see (others are left out). */
    public List<LinkedActivity> titles(List<Long> ids) {
        List<LinkedActivity> out = new ArrayList<>();
        for (Long id : ids) {
            try {
                Activity a = activities.get(id);
                out.add(new LinkedActivity(id, a.title(), a.startsAt() == null ? null : a.startsAt().toLocalDate()));
            } catch (NotFoundException e) {
                out.add(new LinkedActivity(id, null, null));
            }
        }
        return out;
    }

    /** An activity given as evidence; {@code title} is null when the caller cannot see it any more. */
    public record LinkedActivity(long id, String title, java.time.LocalDate date) {
    }
}
