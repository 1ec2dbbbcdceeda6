package org.kepu;

import java.util.ArrayList;
import java.util.List;
import org.kepu.identity.AppUserPrincipal;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.kepu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A small, fixed world for integration tests: 江西省 › 赣州市 › 寻乌县 with two townships (A = 长宁镇,
 * B = 晨光镇), two villages each, two member units, and one account per role. Idempotent: {@link #ensure()}
 * inserts only what is missing, so test classes sharing a context can all call it.
 */
public final class TestFixtures {

    public static final String PROVINCE = "36";
    public static final String CITY = "3607";
    public static final String COUNTY = "360734";
    public static final String COUNTY_PATH = "36/3607/360734";
    public static final String TOWNSHIP_A = "360734100";
    public static final String TOWNSHIP_A_PATH = COUNTY_PATH + "/" + TOWNSHIP_A;
    public static final String TOWNSHIP_B = "360734101";
    public static final String TOWNSHIP_B_PATH = COUNTY_PATH + "/" + TOWNSHIP_B;
    public static final String VILLAGE_A1 = "360734100001";
    public static final String VILLAGE_A1_PATH = TOWNSHIP_A_PATH + "/" + VILLAGE_A1;
    public static final String VILLAGE_A2 = "360734100002";
    public static final String VILLAGE_B1 = "360734101001";
    public static final String VILLAGE_B1_PATH = TOWNSHIP_B_PATH + "/" + VILLAGE_B1;
    public static final String VILLAGE_B2 = "360734101002";

    private final JdbcClient jdbc;

    public TestFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TestFixtures ensure() {
        division(PROVINCE, null, "江西省", 1, 45_000_000, null);
        division(CITY, PROVINCE, "赣州市", 2, 8_900_000, null);
        division(COUNTY, CITY, "寻乌县", 3, 290_000, null);
        division(TOWNSHIP_A, COUNTY, "长宁镇", 4, 80_000, "URBAN");
        division(TOWNSHIP_B, COUNTY, "晨光镇", 4, 30_000, "RURAL");
        division(VILLAGE_A1, TOWNSHIP_A, "城北社区", 5, 6_000, "URBAN");
        division(VILLAGE_A2, TOWNSHIP_A, "东门村", 5, 2_000, "RURAL");
        division(VILLAGE_B1, TOWNSHIP_B, "晨光村", 5, 1_500, "RURAL");
        division(VILLAGE_B2, TOWNSHIP_B, "沁园村", 5, 1_200, "RURAL");
        unit("县科协", "PEOPLES_ORGANIZATION");
        unit("县教育局", "GOVERNMENT");
        return this;
    }

    private void division(String code, String parent, String name, int level, int population, String urbanRural) {
        String path = parent == null ? code : pathOf(parent) + "/" + code;
        jdbc.sql("""
                insert into division (code, parent_code, name, level, path, population, urban_rural)
                values (:code, :parent, :name, :level, :path, :population, :ur) on conflict (code) do nothing
                """).param("code", code).param("parent", parent).param("name", name).param("level", level)
                .param("path", path).param("population", population).param("ur", urbanRural).update();
    }

    private String pathOf(String code) {
        return jdbc.sql("select path from division where code = :c").param("c", code).query(String.class).single();
    }

    private void unit(String name, String type) {
        jdbc.sql("""
                insert into member_unit (division_code, division_path, name, unit_type)
                values (:c, :p, :name, :type) on conflict (division_code, name) do nothing
                """).param("c", COUNTY).param("p", COUNTY_PATH).param("name", name).param("type", type).update();
    }

    public long unitId(String name) {
        return jdbc.sql("select id from member_unit where name = :n and division_code = :c").param("n", name)
                .param("c", COUNTY).query(Long.class).single();
    }

    /**
     * An account (created if missing, password hash unusable) with the given role and scope. For division roles
     * {@code where} is a division code; for unit roles a unit name.
     */
    public CurrentUser user(String username, Role role, String where) {
        String divisionCode = null;
        String divisionPath = null;
        Long unitId = null;
        if (role == Role.UNIT_LIAISON || role == Role.UNIT_HEAD) {
            unitId = unitId(where);
        } else if (where != null) {
            divisionCode = where;
            divisionPath = pathOf(where);
        }
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, division_code, division_path,
                                      unit_id, must_change_password)
                values (:u, :u, '{noop}unusable-in-tests', :role, :dc, :dp, :unit, false)
                on conflict (username) do nothing
                """).param("u", username).param("role", role.name()).param("dc", divisionCode)
                .param("dp", divisionPath).param("unit", unitId).update();
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class)
                .single();
        Scope scope;
        if (role.platformAdmin() || role == Role.VOLUNTEER || role == Role.TEAM_LEADER) {
            scope = Scope.NONE;
        } else if (unitId != null) {
            scope = Scope.unit(unitId, COUNTY_PATH);
        } else {
            scope = Scope.division(divisionPath);
        }
        return new CurrentUser(id, username, username, role, scope);
    }

    /** MockMvc: act as this user. */
    public static RequestPostProcessor as(CurrentUser user) {
        var principal = new AppUserPrincipal(user, "{noop}x", true, false, false);
        return SecurityMockMvcRequestPostProcessors.user(principal);
    }

    /** Run code as this user outside MockMvc (service tests). */
    public static void runAs(CurrentUser user, Runnable body) {
        var principal = new AppUserPrincipal(user, "{noop}x", true, false, false);
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(principal,
                null, principal.getAuthorities());
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var ctx = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(auth);
        org.springframework.security.core.context.SecurityContextHolder.setContext(ctx);
        try {
            body.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    public static List<String> codes(String... c) {
        return new ArrayList<>(List.of(c));
    }
}
