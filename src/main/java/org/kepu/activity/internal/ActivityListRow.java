package org.kepu.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.kepu.activity.ActivityStatus;
import org.kepu.shared.KeyGroup;

/**
 * The columns of an activity that a list shows. Lists read only these: the description, media coverage and the
 * workflow's people and times are not shown there.
 */
public record ActivityListRow(long id, String title, String themeCode, String formatCode, List<KeyGroup> keyGroups,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode, Long organizerUnitId,
        int participantsOnsite, int participantsOnline, ActivityStatus status, int version) {

    public static final String COLUMNS = "a.id, a.title, a.theme_code, a.format_code, a.key_groups, a.starts_at,"
            + " a.ends_at, a.division_code, a.organizer_unit_id, a.participants_onsite, a.participants_online,"
            + " a.status, a.version";

    static ActivityListRow map(ResultSet rs, int rowNum) throws SQLException {
        return new ActivityListRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ActivityRow.keyGroups(rs.getArray(5)), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class), rs.getString(8), ActivityRow.nullableLong(rs, 9), rs.getInt(10),
                rs.getInt(11), ActivityStatus.valueOf(rs.getString(12)), rs.getInt(13));
    }
}
