package com.tierupgrade.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request that passed validation: attribute changes, events and the evaluation time.
 *
 * @param asOf the evaluation time the caller gave, or null for "now"
 */
public record ValidFacts(Map<String, Object> attributes, List<FactEvent> events, Instant asOf) {

    /** The evaluation time: the one given, or {@code now}. */
    public Instant asOfOr(Instant now) {
        return asOf == null ? now : asOf;
    }
}
