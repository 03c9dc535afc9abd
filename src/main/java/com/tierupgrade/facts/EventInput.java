package com.tierupgrade.facts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/** One event as sent: {@code id}, {@code type}, {@code at} and the fields of its type beside them. */
@Schema(requiredProperties = { "id", "type", "at" }, additionalProperties = Schema.True.class,
        description = "The fields of the event's type (docs/facts.md) stand beside id, type and at")
public class EventInput {

    public String id;
    public String type;
    public String at;
    @Schema(hidden = true)
    private final Map<String, Object> fields = new LinkedHashMap<>();

    @JsonAnySetter
    public void setField(String name, Object value) {
        fields.put(name, value);
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }
}
