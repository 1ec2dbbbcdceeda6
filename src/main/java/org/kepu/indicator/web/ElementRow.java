package org.kepu.indicator.web;

import java.util.List;
import org.kepu.indicator.DataElement;

/** One element as listed. */
public record ElementRow(DataElement element, String sourceName, String aggregate, List<String> filters,
        String cacheKey) {
}
