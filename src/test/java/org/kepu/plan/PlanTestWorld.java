package org.kepu.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kepu.TestFixtures;
import org.kepu.organization.UnitNames;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan tests' own world beside {@link TestFixtures}: 测试县 (360799) under 赣州市 with the 30 member units of the
 * demo list (data/xunwu-member-units.json) and the aliases seed 004 needs, a township of it, and a second county
 * 邻县 (360798). Kept apart from 寻乌县 so that counts over seed 004 do not depend on other test classes. Idempotent.
 */
public final class PlanTestWorld {

    public static final String COUNTY = "360799";
    public static final String COUNTY_PATH = "36/3607/360799";
    public static final String TOWNSHIP = "360799100";
    public static final String TOWNSHIP_PATH = COUNTY_PATH + "/" + TOWNSHIP;
    public static final String OTHER_COUNTY = "360798";
    public static final String OTHER_COUNTY_PATH = "36/3607/360798";

    /** The aliases of the demo data (DemoUnitAliases). */
    public static final Map<String, List<String>> ALIASES = Map.of(
            "县科技创新中心", List.of("县科创中心"),
            "县市场监督管理局", List.of("县市场监管局", "县市场质量监管局"),
            "县教科体局", List.of("县体育局"));

    private final JdbcClient jdbc;

    public PlanTestWorld(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PlanTestWorld ensure() {
        new TestFixtures(jdbc).ensure();
        division(COUNTY, TestFixtures.CITY, COUNTY_PATH, "测试县", 3);
        division(TOWNSHIP, COUNTY, TOWNSHIP_PATH, "测试镇", 4);
        division(OTHER_COUNTY, TestFixtures.CITY, OTHER_COUNTY_PATH, "邻县", 3);
        int order = 10;
        for (JsonNode u : seedUnits()) {
            jdbc.sql("""
                    insert into member_unit (division_code, division_path, name, unit_type, sort_order)
                    values (:c, :p, :n, :t, :o) on conflict (division_code, name) do nothing
                    """).param("c", COUNTY).param("p", COUNTY_PATH).param("n", u.get("name").asText())
                    .param("t", u.get("unitType").asText()).param("o", order).update();
            order += 10;
        }
        jdbc.sql("""
                insert into member_unit (division_code, division_path, name, unit_type)
                values (:c, :p, '县科协', 'PEOPLES_ORGANIZATION') on conflict (division_code, name) do nothing
                """).param("c", OTHER_COUNTY).param("p", OTHER_COUNTY_PATH).update();
        ALIASES.forEach((name, aliases) -> aliases.forEach(a -> jdbc.sql("""
                insert into member_unit_alias (unit_id, division_code, alias, alias_key)
                values (:u, :c, :a, :k) on conflict (division_code, alias_key) do nothing
                """).param("u", unitId(name)).param("c", COUNTY).param("a", a).param("k", UnitNames.key(a))
                .update()));
        return this;
    }

    private void division(String code, String parent, String path, String name, int level) {
        jdbc.sql("""
                insert into division (code, parent_code, name, level, path, population)
                values (:code, :parent, :name, :level, :path, 100000) on conflict (code) do nothing
                """).param("code", code).param("parent", parent).param("name", name).param("level", level)
                .param("path", path).update();
    }

    public long unitId(String name) {
        return jdbc.sql("select id from member_unit where division_code = :c and name = :n").param("c", COUNTY)
                .param("n", name).query(Long.class).single();
    }

    /** An account of {@code role}: at a division code, or for unit roles at the 测试县 unit named {@code where}. */
    public CurrentUser user(String username, Role role, String where) {
        Long unitId = null;
        String code = null;
        String path = null;
        if (role == Role.UNIT_LIAISON || role == Role.UNIT_HEAD) {
            unitId = unitId(where);
        } else if (where != null) {
            code = where;
            path = jdbc.sql("select path from division where code = :c").param("c", where).query(String.class)
                    .single();
        }
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, division_code, division_path,
                                      unit_id, must_change_password)
                values (:u, :u, '{noop}unusable-in-tests', :role, :dc, :dp, :unit, false)
                on conflict (username) do nothing
                """).param("u", username).param("role", role.name()).param("dc", code).param("dp", path)
                .param("unit", unitId).update();
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class)
                .single();
        Scope scope = unitId != null ? Scope.unit(unitId, COUNTY_PATH)
                : role.platformAdmin() ? Scope.NONE : Scope.division(path);
        return new CurrentUser(id, username, username, role, scope);
    }

    /** The text of a seed document (copied into the test resources by the parser's tests). */
    public static String seed(String number) {
        String file = number.equals("003") ? "plan-text/003_9e4edd6d41a7bb51.txt" : "plan-text/004_a13e3dfd61d84f37.txt";
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode seedUnits() {
        try (InputStream in = new ClassPathResource("data/xunwu-member-units.json").getInputStream()) {
            return new ObjectMapper().readTree(in).get("units");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
