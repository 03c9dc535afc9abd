package com.tierupgrade.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A request that passed validation: attribute changes, events and the evaluation time. */
public record ValidFacts(Map<String, Object> attributes, List<FactEvent> events, Instant asOf) {
}
