package org.kepu.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A chart for {@code static/js/charts.js}: {kind, labels, values, links} as JSON, put into a data attribute (the
 * Content-Security-Policy allows no inline scripts). Kinds: bar, hbar, line, pie, spark.
 */
@Component
public class ChartSpecs {

    private final ObjectMapper json;

    ChartSpecs(ObjectMapper json) {
        this.json = json;
    }

    public String of(String kind, List<String> labels, List<? extends Number> values, List<String> links) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", kind);
        spec.put("labels", labels);
        spec.put("values", values);
        spec.put("links", links);
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
