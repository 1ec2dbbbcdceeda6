package org.kepu.activity.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.kepu.activity.ActivityStatus;
import org.kepu.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the activity and activity_co_organizer tables. Callers check scope and rules first. */
@Repository
public class ActivityStore {

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ActivityRow> find(long id) {
        return jdbc.sql("select " + ActivityRow.COLUMNS + " from activity a where a.id = :id").param("id", id)
                .query(ActivityRow::map).optional();
    }

    public List<Long> coOrganizers(long id) {
        return jdbc.sql("select unit_id from activity_co_organizer where activity_id = :id order by unit_id")
                .param("id", id).query(Long.class).list();
    }

    public long insert(ValidInput v, Long createdBy, Long importBatchId) {
        long id = jdbc.sql("""
                insert into activity (title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                    division_path, organizer_unit_id, participants_onsite, participants_online, materials_count,
                    volunteers_count, media_coverage, description, status, created_by, import_batch_id)
                values (:title, :theme, :format, cast(:kg as varchar[]), :starts, :ends, :dc, :dp, :unit, :onsite,
                    :online, :materials, :volunteers, :media, :description, 'DRAFT', :createdBy, :batch)
                returning id
                """).paramSource(params(v).addValue("createdBy", createdBy).addValue("batch", importBatchId)).query(Long.class).single();
        replaceCoOrganizers(id, v.coOrganizerIds());
        return id;
    }

    /** Updates the fields; 0 rows (stale version) → {@link ConflictException}. */
    public void update(long id, int version, ValidInput v) {
        int n = jdbc.sql("""
                update activity set title = :title, theme_code = :theme, format_code = :format,
                    key_groups = cast(:kg as varchar[]), starts_at = :starts, ends_at = :ends, division_code = :dc,
                    division_path = :dp, organizer_unit_id = :unit, participants_onsite = :onsite,
                    participants_online = :online, materials_count = :materials, volunteers_count = :volunteers,
                    media_coverage = :media, description = :description, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).paramSource(params(v).addValue("id", id).addValue("version", version)).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        replaceCoOrganizers(id, v.coOrganizerIds());
    }

    /** Moves to {@code status}; 0 rows (stale version) → {@link ConflictException}. */
    public void changeStatus(long id, int version, ActivityStatus status, String returnReason, Long verifiedBy) {
        OffsetDateTime now = OffsetDateTime.now();
        int n = jdbc.sql("""
                update activity set status = :status, return_reason = cast(:reason as text),
                    submitted_at = case when :status = 'SUBMITTED' then cast(:now as timestamptz) else submitted_at end,
                    verified_at = case when :status = 'VERIFIED' then cast(:now as timestamptz) else null end,
                    verified_by = case when :status = 'VERIFIED' then cast(:verifiedBy as bigint) else null end,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("status", status.name()).param("reason", returnReason).param("now", now)
                .param("verifiedBy", verifiedBy).param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
    }

    public void delete(long id, int version) {
        int n = jdbc.sql("delete from activity where id = :id and version = :version").param("id", id)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
    }

    private void replaceCoOrganizers(long id, List<Long> unitIds) {
        jdbc.sql("delete from activity_co_organizer where activity_id = :id").param("id", id).update();
        for (Long unitId : unitIds) {
            jdbc.sql("insert into activity_co_organizer (activity_id, unit_id) values (:id, :u) on conflict do nothing")
                    .param("id", id).param("u", unitId).update();
        }
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ValidInput v) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("title", v.title()).addValue("theme", v.themeCode()).addValue("format", v.formatCode())
                .addValue("kg", ActivityRow.keyGroupsLiteral(v.keyGroups())).addValue("starts", v.startsAt())
                .addValue("ends", v.endsAt()).addValue("dc", v.divisionCode()).addValue("dp", v.divisionPath())
                .addValue("unit", v.organizerUnitId()).addValue("onsite", v.participantsOnsite())
                .addValue("online", v.participantsOnline()).addValue("materials", v.materialsCount())
                .addValue("volunteers", v.volunteersCount()).addValue("media", v.mediaCoverage())
                .addValue("description", v.description());
    }
}
