package com.tierupgrade.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An event type declared in {@code rules/events.yaml}: its name (as sent and as rules name it), label and fields. */
public record EventTypeDeclaration(String name, String label, Map<String, EventField> fields) {

    public EventTypeDeclaration {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<EventField> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }
}
