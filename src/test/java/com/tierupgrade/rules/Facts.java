package com.tierupgrade.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;

/** Builds a customer's facts relative to an evaluation time, for rule tests. */
final class Facts {

    static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");

    private final Map<String, Object> attributes = new HashMap<>();
    private final List<FactEvent> events = new ArrayList<>();

    static Facts customer() {
        return new Facts();
    }

    Facts with(String attribute, Object value) {
        attributes.put(attribute, value);
        return this;
    }

    Facts event(String type, int daysAgo, Map<String, Object> fields) {
        events.add(new FactEvent("e" + events.size(), type, AS_OF.minus(Duration.ofDays(daysAgo)), fields));
        return this;
    }

    Facts events(int count, String type, int daysAgo, Map<String, Object> fields) {
        for (int i = 0; i < count; i++) {
            event(type, daysAgo + i, fields);
        }
        return this;
    }

    Facts purchases(int count, int amount, int daysAgo) {
        return events(count, "PURCHASE", daysAgo, Map.of("amount", amount, "couponUsed", false));
    }

    CustomerFacts build() {
        return new CustomerFacts(attributes, events);
    }
}
