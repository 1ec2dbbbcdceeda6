package org.kepu.indicator.internal;

import org.kepu.shared.db.Rows;
import java.util.List;
import java.util.Optional;
import org.kepu.indicator.Indicator;
import org.kepu.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of table indicator. */
@Repository
public class IndicatorStore {

    static final String COLUMNS = "id, code, name, formula, unit_of_measure, decimals, description, sort_order, active,"
            + " version";

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Indicator> all() {
        return jdbc.sql("select " + COLUMNS + " from indicator order by sort_order, code").query(Rows.of(Indicator.class))
                .list();
    }

    public List<Indicator> active() {
        return jdbc.sql("select " + COLUMNS + " from indicator where active order by sort_order, code")
                .query(Rows.of(Indicator.class)).list();
    }

    public Optional<Indicator> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from indicator where id = :id").param("id", id).query(Rows.of(Indicator.class))
                .optional();
    }

    public Optional<Indicator> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from indicator where code = :c").param("c", code)
                .query(Rows.of(Indicator.class)).optional();
    }

    public long insert(IndicatorData d) {
        return jdbc.sql("""
                insert into indicator (code, name, formula, unit_of_measure, decimals, description, sort_order, active)
                values (:code, :name, :formula, :unit, :decimals, :description, :sortOrder, :active) returning id
                """).param("code", d.code()).param("name", d.name()).param("formula", d.formula())
                .param("unit", d.unitOfMeasure()).param("decimals", d.decimals()).param("description", d.description())
                .param("sortOrder", d.sortOrder()).param("active", d.active()).query(Long.class).single();
    }

    public void update(long id, int version, IndicatorData d) {
        int n = jdbc.sql("""
                update indicator set code = :code, name = :name, formula = :formula, unit_of_measure = :unit,
                    decimals = :decimals, description = :description, sort_order = :sortOrder, active = :active,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("code", d.code()).param("name", d.name()).param("formula", d.formula())
                .param("unit", d.unitOfMeasure()).param("decimals", d.decimals()).param("description", d.description())
                .param("sortOrder", d.sortOrder()).param("active", d.active()).param("id", id)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
    }

    public void delete(long id, int version) {
        int n = jdbc.sql("delete from indicator where id = :id and version = :version").param("id", id)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
    }

    public long targetCount(long id) {
        return jdbc.sql("select count(*) from indicator_target where indicator_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
