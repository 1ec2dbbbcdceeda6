package org.kepu.activity.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.activity.ActivityStatus;
import org.kepu.activity.ActivitySummary;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.PageResult;

/** One page of activities: rows, 1-based page, page size, total rows. */
public record ActivityListResponse(List<Row> rows, int page, int size, long total) {

    /** One row of the list. */
    public record Row(long id, String title, String theme, String format, List<KeyGroup> keyGroups,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String division, String divisionName,
            Long organizerUnitId, String organizerUnitName, int participantsOnsite, int participantsOnline,
            ActivityStatus status, int version) {
    }

    static ActivityListResponse of(PageResult<ActivitySummary> p) {
        return new ActivityListResponse(p.rows().stream()
                .map(s -> new Row(s.id(), s.title(), s.themeCode(), s.formatCode(), s.keyGroups(), s.startsAt(),
                        s.endsAt(), s.divisionCode(), s.divisionName(), s.organizerUnitId(), s.organizerUnitName(),
                        s.participantsOnsite(), s.participantsOnline(), s.status(), s.version()))
                .toList(), p.page(), p.size(), p.total());
    }
}
