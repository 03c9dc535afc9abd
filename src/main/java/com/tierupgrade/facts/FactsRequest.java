package com.tierupgrade.facts;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /customers/{id}/facts} and {@code POST /evaluations}.
 *
 * @param attributes merged into the stored attributes; the latest value wins and null removes one
 * @param events appended; an event whose id is already stored replaces it
 * @param asOf the evaluation time (ISO-8601 with an offset); now when absent
 */
public record FactsRequest(Map<String, Object> attributes, List<EventInput> events, String asOf) {

    public Map<String, Object> attributesOrEmpty() {
        return attributes == null ? Map.of() : attributes;
    }

    public List<EventInput> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }
}
