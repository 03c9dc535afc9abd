package com.tierupgrade.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the JSON body of a facts post, with event times counted back from an evaluation time. */
public final class FactsBody {

    /** A fixed evaluation time, early enough that later evaluation times in tests are still in the past. */
    public static final Instant AS_OF = Instant.parse("2026-03-01T12:00:00Z");

    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private Instant asOf = AS_OF;
    /** The time events are counted back from. */
    private Instant base = AS_OF;

    public static FactsBody facts() {
        return new FactsBody();
    }

    public static String newCustomerId() {
        return "test-" + UUID.randomUUID();
    }

    public FactsBody with(String attribute, Object value) {
        attributes.put(attribute, value);
        return this;
    }

    public FactsBody event(String id, String type, int daysAgo, Map<String, Object> fields) {
        Map<String, Object> event = new LinkedHashMap<>(fields);
        event.put("id", id);
        event.put("type", type);
        event.put("at", base.minus(Duration.ofDays(daysAgo)).toString());
        events.add(event);
        return this;
    }

    /** {@code count} purchases of {@code amount}, {@code daysAgo}, {@code daysAgo + 1}, … days before AS_OF. */
    public FactsBody purchases(String idPrefix, int count, int amount, int daysAgo) {
        for (int i = 0; i < count; i++) {
            event(idPrefix + i, "PURCHASE", daysAgo + i, Map.of("amount", amount, "couponUsed", false));
        }
        return this;
    }

    public FactsBody interactions(String idPrefix, int count, int daysAgo) {
        for (int i = 0; i < count; i++) {
            event(idPrefix + i, "INTERACTION", daysAgo + i, Map.of("kind", "LIKE"));
        }
        return this;
    }

    public FactsBody asOf(Instant asOf) {
        this.asOf = asOf;
        return this;
    }

    /** Sends no asOf, so the service evaluates at its own "now"; events added after this count back from now. */
    public FactsBody withoutAsOf() {
        base = Instant.now();
        return asOf(null);
    }

    public FactsBody daysLater(int days) {
        return asOf(AS_OF.plus(Duration.ofDays(days)));
    }

    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attributes", attributes);
        body.put("events", events);
        if (asOf != null) {
            body.put("asOf", asOf.toString());
        }
        return body;
    }
}
