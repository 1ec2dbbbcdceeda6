package org.kepu.cockpit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.kepu.activity.OrganizerFigures;
import org.kepu.activity.OrganizerFigures.OrganizerFigure;
import org.kepu.indicator.TargetStatus;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Member units ranked by the activities they organised in an area and year (or the participants), with the share
 * of the targets bound to the tasks they lead that are on track or achieved. The units listed are the area's own
 * member units plus every unit that organised an activity there.
 */
@Component
public class UnitRanking {

    /** What the units are ordered by. */
    public enum Order {
        ACTIVITIES, PARTICIPANTS, ON_TRACK;

        public static Order parse(String s) {
            if ("participants".equals(s)) {
                return PARTICIPANTS;
            }
            return "onTrack".equals(s) ? ON_TRACK : ACTIVITIES;
        }

        public String param() {
            return switch (this) {
                case ACTIVITIES -> "activities";
                case PARTICIPANTS -> "participants";
                case ON_TRACK -> "onTrack";
            };
        }
    }

    /**
     * One unit.
     *
     * @param link the unit's counted activities in the area and year
     * @param boundTargets targets bound to tasks the unit leads in the plans in force
     * @param onTrack of those, achieved or on track
     * @param onTrackShare onTrack / boundTargets in percent (one decimal), null when there are none
     */
    public record Row(int rank, long unitId, String name, long activities, long participants, String link,
            int boundTargets, int onTrack, BigDecimal onTrackShare) {
    }

    private final OrganizerFigures figures;
    private final MemberUnitService units;

    UnitRanking(OrganizerFigures figures, MemberUnitService units) {
        this.figures = figures;
        this.units = units;
    }

    public List<Row> rank(CurrentUser user, Division area, int year, Map<Long, List<TargetStatus>> leadTargets,
            Order order) {
        Map<Long, OrganizerFigure> byUnit = new HashMap<>();
        figures.byOrganizer(area, year).forEach(f -> byUnit.put(f.unitId(), f));
        Map<Long, String> names = new LinkedHashMap<>();
        for (MemberUnitRef u : units.readableUnits(user)) {
            if (u.divisionPath().equals(area.path())) {
                names.put(u.id(), u.name());
            }
        }
        List<Long> others = byUnit.keySet().stream().filter(id -> !names.containsKey(id)).toList();
        names.putAll(units.names(others));
        String base = "/activities?year=" + year + "&division=" + area.code() + "&status=COUNTED&unit=";
        List<Row> rows = new ArrayList<>();
        names.forEach((id, name) -> {
            OrganizerFigure f = byUnit.get(id);
            List<TargetStatus> statuses = leadTargets.getOrDefault(id, List.of());
            int onTrack = (int) statuses.stream()
                    .filter(s -> s == TargetStatus.ON_TRACK || s == TargetStatus.ACHIEVED).count();
            BigDecimal share = statuses.isEmpty() ? null
                    : BigDecimal.valueOf(onTrack * 100L).divide(BigDecimal.valueOf(statuses.size()), 1,
                            RoundingMode.HALF_UP);
            rows.add(new Row(0, id, name, f == null ? 0 : f.activities(), f == null ? 0 : f.participants(),
                    f == null ? base + id : f.link(), statuses.size(), onTrack, share));
        });
        Comparator<Row> cmp = switch (order) {
            case ACTIVITIES -> byLong(Row::activities).thenComparing(byLong(Row::participants));
            case PARTICIPANTS -> byLong(Row::participants).thenComparing(byLong(Row::activities));
            case ON_TRACK -> Comparator.comparing(Row::onTrackShare,
                    Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(byLong(Row::activities));
        };
        rows.sort(cmp.thenComparing(Row::name));
        List<Row> ranked = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            Row r = rows.get(n);
            int rank = n > 0 && cmp.compare(rows.get(n - 1), r) == 0 ? ranked.get(n - 1).rank() : n + 1;
            ranked.add(new Row(rank, r.unitId(), r.name(), r.activities(), r.participants(), r.link(),
                    r.boundTargets(), r.onTrack(), r.onTrackShare()));
        }
        return ranked;
    }

    private static Comparator<Row> byLong(ToLongFunction<Row> f) {
        return Comparator.comparingLong(f).reversed();
    }
}
