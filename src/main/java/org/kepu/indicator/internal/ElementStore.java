package org.kepu.indicator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kepu.indicator.Aggregation;
import org.kepu.indicator.DataElement;
import org.kepu.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of table indicator_data_element. */
@Repository
public class ElementStore {

    static final String COLUMNS = "id, code, name, source, aggregation, measure, filters::text filters, description,"
            + " cache_state, version";
    private static final TypeReference<TreeMap<String, String>> FILTERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ElementStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<DataElement> all() {
        return jdbc.sql("select " + COLUMNS + " from indicator_data_element order by source, code").query(this::map)
                .list();
    }

    public Optional<DataElement> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from indicator_data_element where id = :id").param("id", id)
                .query(this::map).optional();
    }

    public Optional<DataElement> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from indicator_data_element where code = :c").param("c", code)
                .query(this::map).optional();
    }

    public List<DataElement> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from indicator_data_element where code in (:c) order by code")
                .param("c", codes).query(this::map).list();
    }

    public long insert(ElementData d) {
        return jdbc.sql("""
                insert into indicator_data_element (code, name, source, aggregation, measure, filters, description)
                values (:code, :name, :source, :aggregation, :measure, cast(:filters as jsonb), :description)
                returning id
                """).param("code", d.code()).param("name", d.name()).param("source", d.source())
                .param("aggregation", d.aggregation()).param("measure", d.measure())
                .param("filters", toJson(d.filters())).param("description", d.description()).query(Long.class)
                .single();
    }

    /**
     * Changes the definition; when the aggregate or filters changed, the cached values are dropped and the element
     * goes back to BUILDING. Returns true when that happened.
     */
    public boolean update(long id, int version, ElementData d, boolean definitionChanged) {
        int n = jdbc.sql("""
                update indicator_data_element set code = :code, name = :name, source = :source,
                    aggregation = :aggregation, measure = :measure, filters = cast(:filters as jsonb),
                    description = :description, version = version + 1, updated_at = now(),
                    cache_state = case when :rebuild then 'BUILDING' else cache_state end
                where id = :id and version = :version
                """).param("code", d.code()).param("name", d.name()).param("source", d.source())
                .param("aggregation", d.aggregation()).param("measure", d.measure())
                .param("filters", toJson(d.filters())).param("description", d.description())
                .param("rebuild", definitionChanged).param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
        if (definitionChanged) {
            jdbc.sql("delete from indicator_value where element_id = :id").param("id", id).update();
        }
        return definitionChanged;
    }

    public void delete(long id, int version) {
        int n = jdbc.sql("delete from indicator_data_element where id = :id and version = :version").param("id", id)
                .param("version", version).update();
        if (n == 0) {
            throw new ConflictException("error.conflict");
        }
    }

    String toJson(Map<String, String> filters) {
        try {
            return json.writeValueAsString(filters == null ? Map.of() : new TreeMap<>(filters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    DataElement map(ResultSet rs, int n) throws SQLException {
        Map<String, String> filters;
        try {
            filters = json.readValue(rs.getString("filters"), FILTERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bad filters of data element " + rs.getLong("id"), e);
        }
        return new DataElement(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("source"),
                Aggregation.valueOf(rs.getString("aggregation")), rs.getString("measure"), filters,
                rs.getString("description"), "READY".equals(rs.getString("cache_state")), rs.getInt("version"));
    }
}
