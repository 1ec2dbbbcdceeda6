package org.kepu.activity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kepu.activity.stats.ActivityStatsService;
import org.kepu.region.Division;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.ScopeSql;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities each member unit organised (主办) in a division subtree and a calendar year (Asia/Shanghai), for
 * rankings of member units. Counts SUBMITTED and VERIFIED records, as every dashboard does, within the caller's
 * scope; one grouped query. For a county or a larger area it sums the summary's per-unit month rows (V607, dim UNIT,
 * with their pending deltas), a few rows per county; for a township or a unit's liaison it groups the ledger's
 * records. Both give the same figures (OrganizerFiguresTest).
 */
@Service
@Transactional(readOnly = true)
public class OrganizerFigures {

    /** One organising unit: its counted activities and their participants (on site + online), and the list behind. */
    public record OrganizerFigure(long unitId, long activities, long participants, String link) {
    }

    private final JdbcClient jdbc;
    private final boolean useSummary;

    OrganizerFigures(JdbcClient jdbc, @Value("${kepu.stats.use-summary:true}") boolean useSummary) {
        this.jdbc = jdbc;
        this.useSummary = useSummary;
    }

    /**
     * The figures per organising unit in the subtree of {@code area} (which must lie in the caller's scope, else
     * "not found") for {@code year}; units without a counted activity are left out.
     */
    public List<OrganizerFigure> byOrganizer(Division area, int year) {
        CurrentUser user = CurrentUsers.require();
        if (user.scope().none()) {
            throw new ForbiddenException("error.forbidden");
        }
        if (user.scope().unitId() == null && !user.scope().coversPath(area.path())) {
            throw new NotFoundException("error.notFound");
        }
        String base = "/activities?year=" + year + "&division=" + enc(area.code()) + "&unit=";
        boolean summed = useSummary && user.scope().unitId() == null && area.level() <= Division.COUNTY;
        return summed ? fromSummary(user, area, year, base) : fromLedger(user, area, year, base);
    }

    /** Summed over the per-unit month rows of the counties in the area (county or larger). */
    List<OrganizerFigure> fromSummary(CurrentUser user, Division area, int year, String base) {
        ScopeSql s = ScopeSql.of(user.scope(), "s.area_path", null);
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("areaPath", area.path());
        p.put("areaPrefix", ScopeSql.likePrefix(area.path()));
        p.put("fromMonth", LocalDate.of(year, 1, 1));
        p.put("toMonth", LocalDate.of(year + 1, 1, 1));
        return jdbc.sql("""
                select cast(s.dim_key as bigint) unit_id, sum(s.activities) n, sum(s.onsite + s.online) p
                from %s s
                where s.area_level = 3 and s.dim = 'UNIT' and %s
                  and (s.area_path = :areaPath or s.area_path like :areaPrefix)
                  and s.month >= :fromMonth and s.month < :toMonth
                group by s.dim_key
                having sum(s.activities) <> 0
                """.formatted(ActivityStatsService.SUMMARY_SOURCE, s.condition())).params(p)
                .query((rs, n) -> figure(rs.getLong("unit_id"), rs.getLong("n"), rs.getLong("p"), base)).list();
    }

    /** Grouped over the ledger's records of the area and year. */
    List<OrganizerFigure> fromLedger(CurrentUser user, Division area, int year, String base) {
        ScopeSql s = ScopeSql.of(user.scope(), "a.division_path", "a.organizer_unit_id");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("areaPath", area.path());
        p.put("areaPathEnd", ScopeSql.subtreeEnd(area.path()));
        p.put("from", LocalDate.of(year, 1, 1).atStartOfDay(ActivityService.ZONE).toOffsetDateTime());
        p.put("to", LocalDate.of(year + 1, 1, 1).atStartOfDay(ActivityService.ZONE).toOffsetDateTime());
        return jdbc.sql("""
                select a.organizer_unit_id unit_id, count(*) n,
                       coalesce(sum(a.participants_onsite + a.participants_online), 0) p
                from activity a
                where %s and %s and a.status in ('SUBMITTED', 'VERIFIED')
                  and a.starts_at >= :from and a.starts_at < :to and a.organizer_unit_id is not null
                group by a.organizer_unit_id
                """.formatted(s.condition(), ScopeSql.subtree("a.division_path", "areaPath"))).params(p)
                .query((rs, n) -> figure(rs.getLong("unit_id"), rs.getLong("n"), rs.getLong("p"), base)).list();
    }

    private static OrganizerFigure figure(long unitId, long activities, long participants, String base) {
        return new OrganizerFigure(unitId, activities, participants,
                base + unitId + "&status=" + ActivityFilter.COUNTED);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
