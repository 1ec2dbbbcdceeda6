package org.kepu.activity.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.kepu.activity.ActivityDictionary;
import org.kepu.activity.ActivityService;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile: when there are no activities, generates a deterministic ledger for 寻乌县 (360734) — last year and
 * this year up to today, about 1,500 records — peaking in May (科技活动周, 防灾减灾日) and September (全国科普日).
 */
@Component
@Profile("demo")
@Order(400)
class DemoActivityGenerator implements ApplicationRunner {

    static final String COUNTY = "360734";
    private static final Logger LOG = LoggerFactory.getLogger(DemoActivityGenerator.class);
    private static final int[] MONTH_WEIGHTS = {5, 4, 7, 7, 20, 10, 5, 5, 18, 7, 6, 6};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final DivisionService divisions;
    private final MemberUnitService units;
    private final ActivityDictionary dictionary;

    DemoActivityGenerator(JdbcClient jdbc, NamedParameterJdbcTemplate named, TransactionTemplate tx,
            DivisionService divisions, MemberUnitService units, ActivityDictionary dictionary) {
        this.jdbc = jdbc;
        this.named = named;
        this.tx = tx;
        this.divisions = divisions;
        this.units = units;
        this.dictionary = dictionary;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from activity").query(Long.class).single() > 0) {
            LOG.info("Demo activities: the ledger is not empty, nothing generated");
            return;
        }
        Division county = divisions.find(COUNTY).orElse(null);
        if (county == null) {
            LOG.info("Demo activities: division {} not found, nothing generated", COUNTY);
            return;
        }
        List<Division> townships = divisions.inSubtree(county.path(), Division.TOWNSHIP);
        if (townships.isEmpty()) {
            LOG.info("Demo activities: {} has no townships, nothing generated", county.name());
            return;
        }
        Map<String, List<Division>> villages = divisions.inSubtree(county.path(), Division.VILLAGE).stream()
                .collect(Collectors.groupingBy(Division::parentCode));
        List<MemberUnitRef> unitList = units.activeUnitsFor(county.path());
        int n = tx.execute(s -> generate(county, townships, villages, unitList));
        LOG.info("Demo activities: generated {} activities for {}", n, county.name());
    }

    int generate(Division county, List<Division> townships, Map<String, List<Division>> villages,
            List<MemberUnitRef> unitList) {
        Random rnd = new Random(360734L);
        LocalDate today = LocalDate.now(ActivityService.ZONE);
        OffsetDateTime now = OffsetDateTime.now(ActivityService.ZONE);
        Map<String, String> themeLabels = dictionary.labels(ActivityDictionary.THEME);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        List<long[]> coOrganizers = new ArrayList<>();
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            int count = 820;
            for (int i = 0; i < count; i++) {
                int month = pickMonth(rnd);
                String theme = pickTheme(rnd, month);
                LocalDate day = pickDay(rnd, year, month, theme);
                if (day.isAfter(today)) {
                    continue;
                }
                List<DemoActivityTitles.Subject> subjects = DemoActivityTitles.BY_THEME.get(theme);
                DemoActivityTitles.Subject subject = subjects.get(rnd.nextInt(subjects.size()));
                Division township = townships.get(rnd.nextInt(townships.size()));
                Division place = township;
                List<Division> vs = villages.getOrDefault(township.code(), List.of());
                double r = rnd.nextDouble();
                if (r < 0.08) {
                    place = county;
                } else if (r < 0.6 && !vs.isEmpty()) {
                    place = vs.get(rnd.nextInt(vs.size()));
                }
                String placeName = place == county ? county.name() : place == township ? township.name()
                        : township.name() + place.name();
                String title = themed(theme) ? year + "年" + themeLabels.getOrDefault(theme, "") + "——" + placeName
                        + subject.text() : placeName + subject.text();
                Long organizer = !unitList.isEmpty() && (place == county || rnd.nextDouble() < 0.5)
                        ? unitList.get(rnd.nextInt(unitList.size())).id() : null;
                LocalDateTime starts = day.atTime(8 + rnd.nextInt(9), rnd.nextBoolean() ? 0 : 30);
                LocalDateTime ends = starts.plusMinutes(60 + 30L * rnd.nextInt(7));
                int[] people = participants(rnd, subject.format());
                String status = status(rnd, day, today);
                OffsetDateTime startsAt = starts.atZone(ActivityService.ZONE).toOffsetDateTime();
                OffsetDateTime submitted = status.equals("DRAFT") ? null : startsAt.plusDays(1 + rnd.nextInt(5));
                OffsetDateTime verified = status.equals("VERIFIED") ? submitted.plusDays(1 + rnd.nextInt(7)) : null;
                // nothing is held, submitted or verified in the future: the latest records are still drafts
                if (!startsAt.isBefore(now)) {
                    continue;
                }
                if (submitted != null && submitted.isAfter(now)) {
                    status = "DRAFT";
                    submitted = null;
                    verified = null;
                } else if (verified != null && verified.isAfter(now)) {
                    status = "SUBMITTED";
                    verified = null;
                }
                List<String> groups = new ArrayList<>(subject.groups().stream().map(Enum::name).toList());
                if (rnd.nextDouble() < 0.25 && !groups.contains("COMMUNITY")) {
                    groups.add("COMMUNITY");
                }
                rows.add(new MapSqlParameterSource().addValue("title", title).addValue("theme", theme)
                        .addValue("format", subject.format()).addValue("kg", "{" + String.join(",", groups) + "}")
                        .addValue("starts", startsAt).addValue("ends", ends.atZone(ActivityService.ZONE)
                                .toOffsetDateTime())
                        .addValue("dc", place.code()).addValue("dp", place.path()).addValue("unit", organizer)
                        .addValue("onsite", people[0]).addValue("online", people[1])
                        .addValue("materials", rnd.nextInt(6) * 50 + rnd.nextInt(50))
                        .addValue("volunteers", 2 + rnd.nextInt(25))
                        .addValue("media", rnd.nextDouble() < 0.2 ? "寻乌新闻、“寻乌发布”微信公众号" : null)
                        .addValue("description", "围绕“" + subject.text() + "”开展科普活动，现场讲解、发放资料、互动答疑。")
                        .addValue("status", status)
                        .addValue("reason", status.equals("RETURNED") ? "佐证照片不清晰，请补充活动现场照片和签到表。" : null)
                        .addValue("submitted", submitted).addValue("verified", verified));
                if (organizer != null && unitList.size() > 1 && rnd.nextDouble() < 0.3) {
                    long co = unitList.get(rnd.nextInt(unitList.size())).id();
                    if (co != organizer) {
                        coOrganizers.add(new long[] {rows.size() - 1, co});
                    }
                }
            }
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('activity', 'id')) from generate_series(1, :n)")
                .param("n", rows.size()).query(Long.class).list();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).addValue("id", ids.get(i));
        }
        named.batchUpdate("""
                insert into activity (id, title, theme_code, format_code, key_groups, starts_at, ends_at, division_code,
                    division_path, organizer_unit_id, participants_onsite, participants_online, materials_count,
                    volunteers_count, media_coverage, description, status, return_reason, submitted_at, verified_at)
                values (:id, :title, :theme, :format, cast(:kg as varchar[]), :starts, :ends, :dc, :dp, :unit,
                    :onsite, :online, :materials, :volunteers, :media, :description, :status, :reason, :submitted,
                    :verified)
                """, rows.toArray(new MapSqlParameterSource[0]));
        named.batchUpdate("insert into activity_co_organizer (activity_id, unit_id) values (:a, :u) on conflict do nothing",
                coOrganizers.stream().map(c -> new MapSqlParameterSource().addValue("a", ids.get((int) c[0]))
                        .addValue("u", c[1])).toArray(MapSqlParameterSource[]::new));
        return rows.size();
    }

    private static boolean themed(String theme) {
        return !theme.equals("SCIENCE_LECTURE_HALL") && !theme.equals("SCIENCE_IN_SCHOOLS") && !theme.equals("OTHER");
    }

    private static int pickMonth(Random rnd) {
        int total = 0;
        for (int w : MONTH_WEIGHTS) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int m = 0; m < 12; m++) {
            x -= MONTH_WEIGHTS[m];
            if (x < 0) {
                return m + 1;
            }
        }
        return 12;
    }

    private static String pickTheme(Random rnd, int month) {
        double r = rnd.nextDouble();
        switch (month) {
            case 5 -> {
                if (r < 0.5) {
                    return "SCI_TECH_WEEK";
                }
                if (r < 0.7) {
                    return "DISASTER_REDUCTION_DAY";
                }
                if (r < 0.8) {
                    return "SCI_TECH_WORKERS_DAY";
                }
                if (r < 0.85) {
                    return "PUBLIC_SCIENCE_DAY";
                }
            }
            case 9 -> {
                if (r < 0.7) {
                    return "NATIONAL_SCIENCE_DAY";
                }
            }
            case 6 -> {
                if (r < 0.3) {
                    return "WORLD_ENVIRONMENT_DAY";
                }
                if (r < 0.55) {
                    return "FOOD_SAFETY_WEEK";
                }
                if (r < 0.7) {
                    return "LOW_CARBON_DAY";
                }
            }
            case 1, 2 -> {
                if (r < 0.5) {
                    return "THREE_TO_COUNTRYSIDE";
                }
            }
            default -> {
            }
        }
        double g = rnd.nextDouble();
        boolean school = month != 7 && month != 8;
        return g < 0.4 ? "SCIENCE_LECTURE_HALL" : g < 0.7 && school ? "SCIENCE_IN_SCHOOLS" : "OTHER";
    }

    private static LocalDate pickDay(Random rnd, int year, int month, String theme) {
        return switch (theme) {
            case "SCI_TECH_WEEK" -> LocalDate.of(year, 5, 17 + rnd.nextInt(14));
            case "DISASTER_REDUCTION_DAY" -> LocalDate.of(year, 5, 8 + rnd.nextInt(9));
            case "SCI_TECH_WORKERS_DAY" -> LocalDate.of(year, 5, 27 + rnd.nextInt(5));
            case "NATIONAL_SCIENCE_DAY" -> LocalDate.of(year, 9, 10 + rnd.nextInt(21));
            case "WORLD_ENVIRONMENT_DAY" -> LocalDate.of(year, 6, 1 + rnd.nextInt(10));
            default -> LocalDate.of(year, month, 1 + rnd.nextInt(LocalDate.of(year, month, 1).lengthOfMonth()));
        };
    }

    private static int[] participants(Random rnd, String format) {
        return switch (format) {
            case "EXHIBITION", "SCIENCE_CARAVAN", "OPEN_DAY" -> new int[] {150 + rnd.nextInt(650), 0};
            case "LIVE_STREAM" -> new int[] {rnd.nextInt(30), 300 + rnd.nextInt(4700)};
            case "TRAINING" -> new int[] {25 + rnd.nextInt(100), 0};
            case "COMPETITION" -> new int[] {40 + rnd.nextInt(200), rnd.nextInt(3) == 0 ? rnd.nextInt(800) : 0};
            case "ARTS_PUBLICITY" -> new int[] {80 + rnd.nextInt(500), 0};
            default -> new int[] {30 + rnd.nextInt(170), rnd.nextInt(5) == 0 ? rnd.nextInt(300) : 0};
        };
    }

    private static String status(Random rnd, LocalDate day, LocalDate today) {
        double r = rnd.nextDouble();
        if (day.isAfter(today.minusDays(14))) {
            return r < 0.35 ? "DRAFT" : r < 0.85 ? "SUBMITTED" : r < 0.9 ? "RETURNED" : "VERIFIED";
        }
        return r < 0.86 ? "VERIFIED" : r < 0.92 ? "SUBMITTED" : r < 0.96 ? "RETURNED" : "DRAFT";
    }
}
