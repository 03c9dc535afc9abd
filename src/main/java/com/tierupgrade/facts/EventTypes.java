package com.tierupgrade.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event types of a rule set, as {@code rules/events.yaml} declares them: the one declaration that validation
 * (HTTP, Kafka, scenarios), the rule compiler, cut-offs and audiences read. Adding a type is a rules change.
 */
public record EventTypes(Map<String, EventTypeDeclaration> byName) {

    /** The file of a rules folder that declares the event types. */
    public static final String FILE = "events.yaml";

    public EventTypes {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public Optional<EventTypeDeclaration> of(String type) {
        return Optional.ofNullable(byName.get(type));
    }

    public boolean contains(String type) {
        return byName.containsKey(type);
    }

    /** The type names in the order of the file. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The declaration of a field of a type, empty when the type or the field is not declared. */
    public Optional<EventField> field(String type, String fieldName) {
        return of(type).flatMap(declaration -> declaration.field(fieldName));
    }
}
