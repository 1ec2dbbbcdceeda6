package org.kepu.activity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.kepu.activity.ActivityStatus;
import org.kepu.shared.KeyGroup;

/** The activity table's row as stored (ids and codes, no display names). */
public record ActivityRow(long id, String title, String themeCode, String formatCode, List<KeyGroup> keyGroups,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode, String divisionPath, Long organizerUnitId,
        int participantsOnsite, int participantsOnline, int materialsCount, int volunteersCount,
        String mediaCoverage, String description, ActivityStatus status, String returnReason, Long createdBy,
        OffsetDateTime submittedAt, OffsetDateTime verifiedAt, Long verifiedBy, int version,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String COLUMNS = "a.id, a.title, a.theme_code, a.format_code, a.key_groups, a.starts_at,"
            + " a.ends_at, a.division_code, a.division_path, a.organizer_unit_id, a.participants_onsite,"
            + " a.participants_online, a.materials_count, a.volunteers_count, a.media_coverage, a.description,"
            + " a.status, a.return_reason, a.created_by, a.submitted_at, a.verified_at, a.verified_by, a.version,"
            + " a.created_at, a.updated_at";

    public static ActivityRow map(ResultSet rs, int rowNum) throws SQLException {
        return new ActivityRow(rs.getLong("id"), rs.getString("title"), rs.getString("theme_code"),
                rs.getString("format_code"), keyGroups(rs.getArray("key_groups")),
                rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
                rs.getString("division_code"), rs.getString("division_path"), nullableLong(rs, "organizer_unit_id"),
                rs.getInt("participants_onsite"), rs.getInt("participants_online"), rs.getInt("materials_count"),
                rs.getInt("volunteers_count"), rs.getString("media_coverage"), rs.getString("description"),
                ActivityStatus.valueOf(rs.getString("status")), rs.getString("return_reason"),
                nullableLong(rs, "created_by"), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("verified_at", OffsetDateTime.class), nullableLong(rs, "verified_by"),
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    static List<KeyGroup> keyGroups(Array array) throws SQLException {
        List<KeyGroup> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add(KeyGroup.valueOf(o.toString()));
            }
        }
        return out;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** The PostgreSQL array literal for the key groups, bound as text and cast to varchar[]. */
    public static String keyGroupsLiteral(List<KeyGroup> groups) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < groups.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(groups.get(i).name());
        }
        return sb.append('}').toString();
    }
}
