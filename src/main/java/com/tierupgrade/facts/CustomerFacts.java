package com.tierupgrade.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything known about a customer: the latest attribute values and every event. */
public record CustomerFacts(Map<String, Object> attributes, List<FactEvent> events) {

    public CustomerFacts {
        attributes = Maps.withoutNulls(attributes);
        events = List.copyOf(events);
    }

    /** What an evaluation at {@code asOf} saw: the attributes and the events up to that time. */
    public Map<String, Object> seenAt(Instant asOf) {
        return Map.of("attributes", attributes, "events",
                events.stream().filter(event -> !event.at().isAfter(asOf)).map(FactEvent::asJson).toList());
    }
}
