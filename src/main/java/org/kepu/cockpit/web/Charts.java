package org.kepu.cockpit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Chart specifications as JSON for data attributes ({kind, labels, values, links}, see static/js/charts.js). */
@Component
class Charts {

    private final ObjectMapper json;

    Charts(ObjectMapper json) {
        this.json = json;
    }

    String of(String kind, List<String> labels, List<? extends Number> values, List<String> links) {
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
