package org.kepu.organization.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.KeyGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: the member units of 寻乌县's leading group with their duties and their lead/cooperating roles in the
 * five key-group actions, as in seed 004 (data/xunwu-member-units.json), when the county has no units yet.
 */
@Component
@Profile("demo")
@Order(200)
class DemoMemberUnits implements ApplicationRunner {

    static final String RESOURCE = "data/xunwu-member-units.json";

    private static final Logger LOG = LoggerFactory.getLogger(DemoMemberUnits.class);

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final UnitCommands units;
    private final LiaisonCommands liaisons;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    DemoMemberUnits(JdbcClient jdbc, DivisionService divisions, UnitCommands units, LiaisonCommands liaisons,
            ObjectMapper json, TransactionTemplate tx) {
        this.liaisons = liaisons;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.units = units;
        this.json = json;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        SeedFile seed = read(json);
        Division county = divisions.find(seed.divisionCode()).orElse(null);
        if (county == null) {
            LOG.warn("Demo member units skipped: division {} is missing", seed.divisionCode());
            return;
        }
        long existing = jdbc.sql("select count(*) from member_unit where division_code = :c")
                .param("c", county.code()).query(Long.class).single();
        if (existing > 0) {
            return;
        }
        tx.executeWithoutResult(s -> {
            Map<String, Map<KeyGroup, ActionRole>> roles = roles(seed);
            int order = 10;
            for (SeedUnit u : seed.units()) {
                long id = units.create(county, new UnitData(u.name(), null, u.unitType(), u.duties(), order,
                        roles.getOrDefault(u.name(), Map.of())));
                // A clearly made-up contact (演示) so that the masked and full phone views can be tried out.
                liaisons.add(id, new LiaisonData("演示联络员" + (order / 10), "办公室主任",
                        String.format("1390797%04d", order), null, 0, false));
                order += 10;
            }
        });
        LOG.info("Demo member units: {} units of {}", seed.units().size(), county.name());
    }

    record SeedFile(String source, String divisionCode, List<SeedUnit> units, List<SeedAction> actions) {
    }

    record SeedUnit(String name, String unitType, String duties) {
    }

    record SeedAction(KeyGroup keyGroup, String title, List<String> lead, List<String> cooperating) {
    }

    static SeedFile read(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unit name → its role per key group. A unit named both as lead and as cooperating in one action (县总工会 in
     * the 产业工人 action) is the lead. Every unit named in the table must be among the units.
     */
    static Map<String, Map<KeyGroup, ActionRole>> roles(SeedFile seed) {
        Map<String, Map<KeyGroup, ActionRole>> roles = new LinkedHashMap<>();
        var names = seed.units().stream().map(SeedUnit::name).toList();
        for (SeedAction a : seed.actions()) {
            for (String n : a.cooperating()) {
                require(names, n);
                roles.computeIfAbsent(n, k -> new EnumMap<>(KeyGroup.class)).put(a.keyGroup(), ActionRole.COOPERATING);
            }
            for (String n : a.lead()) {
                require(names, n);
                roles.computeIfAbsent(n, k -> new EnumMap<>(KeyGroup.class)).put(a.keyGroup(), ActionRole.LEAD);
            }
        }
        return roles;
    }

    private static void require(List<String> names, String name) {
        if (!names.contains(name)) {
            throw new IllegalStateException("Unit in the action table but not in the unit list: " + name);
        }
    }
}
