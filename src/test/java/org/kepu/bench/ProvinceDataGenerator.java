package org.kepu.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Fills a benchmark database with a synthetic province-scale tree and activities, deterministically (seed 42).
 *
 * <p>Tree (GB/T 2260 shape): province {@code 99} 基准省 › 10 cities {@code 99NN} › 10 counties each
 * {@code 99NNMM} (100) › 20 townships each (9 digits, 2,000) › 10 villages each (12 digits, 20,000).
 * Activities: {@code count} rows in {@link #YEAR} (Asia/Shanghai), 90 % at villages, 10 % at townships;
 * status 70 % VERIFIED, 20 % SUBMITTED, 7 % DRAFT, 3 % RETURNED; one or two key groups; half organised by one of
 * the county's five member units. Written with COPY. Idempotent: does nothing when the province exists.
 */
final class ProvinceDataGenerator {

    static final int YEAR = 2026;
    static final String PROVINCE = "99";
    static final String COUNTY = "990101";
    static final String COUNTY_PATH = "99/9901/990101";

    static final String[] THEMES = {"SCI_TECH_WEEK", "NATIONAL_SCIENCE_DAY", "SCI_TECH_WORKERS_DAY",
        "THREE_TO_COUNTRYSIDE", "DISASTER_REDUCTION_DAY", "WORLD_ENVIRONMENT_DAY", "FOOD_SAFETY_WEEK",
        "LOW_CARBON_DAY", "PUBLIC_SCIENCE_DAY", "SCIENCE_LECTURE_HALL", "SCIENCE_IN_SCHOOLS", "OTHER"};
    static final String[] FORMATS = {"LECTURE", "TRAINING", "EXHIBITION", "COMPETITION", "CONSULTATION",
        "OPEN_DAY", "LIVE_STREAM", "SCIENCE_CARAVAN", "ARTS_PUBLICITY", "OTHER"};
    static final String[] KEY_GROUPS = {"YOUTH", "FARMER", "WORKER", "ELDERLY", "CADRE", "COMMUNITY", "OTHER"};

    private final DataSource ds;

    ProvinceDataGenerator(DataSource ds) {
        this.ds = ds;
    }

    /** Returns true when data was generated now, false when it already existed. */
    boolean ensure(int activities) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select count(*) from division where code = '" + PROVINCE + "'");
            rs.next();
            if (rs.getLong(1) > 0) {
                return false;
            }
        }
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            PGConnection pg = c.unwrap(PGConnection.class);
            List<String[]> villages = divisions(c, pg);
            List<long[]> unitIds = units(c);
            c.commit();
            activities(c, pg, activities, villages, unitIds);
            c.commit();
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze activity");
            st.execute("vacuum analyze division");
        }
        System.out.printf("[bench] generated 20,000 villages and %,d activities in %.1f s%n", activities,
                (System.nanoTime() - t0) / 1e9);
        return true;
    }

    /** Writes the tree; returns {code, path} of every township and village (where activities happen). */
    private static List<String[]> divisions(Connection c, PGConnection pg) throws SQLException {
        var csv = new StringBuilder();
        List<String[]> places = new ArrayList<>();
        csv.append(PROVINCE).append(",,基准省,1,").append(PROVINCE).append(",50000000\n");
        for (int ci = 1; ci <= 10; ci++) {
            String city = PROVINCE + two(ci);
            String cityPath = PROVINCE + "/" + city;
            csv.append(city).append(',').append(PROVINCE).append(",基准市").append(ci).append(",2,").append(cityPath)
                    .append(",5000000\n");
            for (int co = 1; co <= 10; co++) {
                String county = city + two(co);
                String countyPath = cityPath + "/" + county;
                csv.append(county).append(',').append(city).append(",基准县").append(ci).append('-').append(co)
                        .append(",3,").append(countyPath).append(",500000\n");
                for (int t = 0; t < 20; t++) {
                    String town = county + (100 + t);
                    String townPath = countyPath + "/" + town;
                    csv.append(town).append(',').append(county).append(",基准镇").append(county).append('-')
                            .append(t + 1).append(",4,").append(townPath).append(",25000\n");
                    places.add(new String[] {town, townPath, county});
                    for (int v = 1; v <= 10; v++) {
                        String village = town + String.format("%03d", v);
                        csv.append(village).append(',').append(town).append(",基准村").append(village.substring(6))
                                .append(",5,").append(townPath).append('/').append(village).append(",2500\n");
                        places.add(new String[] {village, townPath + "/" + village, county});
                    }
                }
            }
        }
        try {
            pg.getCopyAPI().copyIn("copy division (code, parent_code, name, level, path, population) from stdin"
                    + " (format csv)", new StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        return places;
    }

    /** Five member units per county; returns the ids per county in county order (index = county number). */
    private static List<long[]> units(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    insert into member_unit (division_code, division_path, name, unit_type)
                    select d.code, d.path, d.name || '单位' || n, 'GOVERNMENT'
                    from division d cross join generate_series(1, 5) n
                    where d.level = 3 and d.path like '99/%'
                    """);
            List<long[]> result = new ArrayList<>();
            var rs = st.executeQuery("""
                    select array_agg(u.id order by u.id) from member_unit u
                    where u.division_path like '99/%' group by u.division_code order by u.division_code
                    """);
            while (rs.next()) {
                Long[] ids = (Long[]) rs.getArray(1).getArray();
                long[] a = new long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    a[i] = ids[i];
                }
                result.add(a);
            }
            return result;
        }
    }

    private static void activities(Connection c, PGConnection pg, int count, List<String[]> places,
            List<long[]> unitIds) throws SQLException {
        var rnd = new Random(42);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ZonedDateTime yearStart = LocalDate.of(YEAR, 1, 1).atStartOfDay(zone);
        long yearSeconds = 365L * 24 * 3600;
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        int townships = 2000;
        int batch = 50_000;
        var csv = new StringBuilder(batch * 200);
        for (int i = 0; i < count; i++) {
            // 10 % at a township (one in 11 places is a township: pick among them), 90 % at a village
            String[] place;
            int townIndex = rnd.nextInt(townships);
            int base = townIndex * 11;
            place = rnd.nextInt(10) == 0 ? places.get(base) : places.get(base + 1 + rnd.nextInt(10));
            int countyIndex = townIndex / 20;
            Long unit = rnd.nextBoolean() ? unitIds.get(countyIndex)[rnd.nextInt(5)] : null;
            ZonedDateTime start = yearStart.plusSeconds((long) (rnd.nextDouble() * yearSeconds));
            int s = rnd.nextInt(100);
            String status = s < 70 ? "VERIFIED" : s < 90 ? "SUBMITTED" : s < 97 ? "DRAFT" : "RETURNED";
            String kg1 = KEY_GROUPS[rnd.nextInt(KEY_GROUPS.length)];
            String kg = rnd.nextBoolean() ? "{" + kg1 + "}"
                    : "{" + kg1 + "," + KEY_GROUPS[(indexOf(kg1) + 1 + rnd.nextInt(6)) % 7] + "}";
            csv.append("基准活动").append(i).append(',')
                    .append(THEMES[rnd.nextInt(THEMES.length)]).append(',')
                    .append(FORMATS[rnd.nextInt(FORMATS.length)]).append(",\"").append(kg).append("\",")
                    .append(f.format(start)).append(',').append(f.format(start.plusHours(2))).append(',')
                    .append(place[0]).append(',').append(place[1]).append(',')
                    .append(unit == null ? "" : unit.toString()).append(',')
                    .append(rnd.nextInt(300)).append(',').append(rnd.nextInt(4) == 0 ? rnd.nextInt(2000) : 0)
                    .append(',').append(rnd.nextInt(500)).append(',').append(rnd.nextInt(20)).append(',')
                    .append(status).append('\n');
            if ((i + 1) % batch == 0 || i == count - 1) {
                try {
                    pg.getCopyAPI().copyIn("copy activity (title, theme_code, format_code, key_groups, starts_at,"
                            + " ends_at, division_code, division_path, organizer_unit_id, participants_onsite,"
                            + " participants_online, materials_count, volunteers_count, status) from stdin"
                            + " (format csv)", new StringReader(csv.toString()));
                } catch (java.io.IOException e) {
                    throw new SQLException(e);
                }
                csv.setLength(0);
                c.commit();
                if ((i + 1) % 200_000 == 0) {
                    System.out.printf("[bench] %,d activities written%n", i + 1);
                }
            }
        }
    }

    private static int indexOf(String kg) {
        for (int i = 0; i < KEY_GROUPS.length; i++) {
            if (KEY_GROUPS[i].equals(kg)) {
                return i;
            }
        }
        return 0;
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
