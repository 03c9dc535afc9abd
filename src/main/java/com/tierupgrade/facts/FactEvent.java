package com.tierupgrade.facts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One event as received and stored: caller-given id, type, time and the fields of its type. */
public record FactEvent(String id, String type, Instant at, Map<String, Object> fields) {

    public FactEvent {
        fields = Maps.withoutNulls(fields);
    }

    /** The event as upstream systems send it: id, type, at and its fields side by side. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("type", type);
        json.put("at", at.toString());
        json.putAll(fields);
        return json;
    }
}
