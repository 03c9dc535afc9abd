package com.tierupgrade.rules.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario of a {@code rules/scenarios/*.yaml} file, as written: the facts of one customer, the evaluation time
 * and what the rules must conclude. Nothing here is checked against a rule set yet; {@link ScenarioRunner} does that.
 *
 * @param name the scenario's name, or a stand-in naming its line when the file gives none
 * @param line the line of the file where the scenario starts (1-based; 0 when unknown)
 * @param asOf the evaluation time as written (ISO-8601 with an offset), or null when missing
 * @param attributes the customer's attributes, as the API takes them
 * @param events the events as written: the API's fields, with {@code daysAgo} allowed in place of {@code at}
 * @param expect what the decision must be
 * @param problems what is wrong with the scenario's shape (unknown or missing fields); a scenario with problems fails
 *        without being evaluated
 */
public record Scenario(String name, int line, String asOf, Map<String, Object> attributes,
        List<Map<String, Object>> events, Expectation expect, List<String> problems) {

    public Scenario {
        // Attributes may hold null (the API's "remove this attribute"), which Map.copyOf refuses.
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        events = events == null ? List.of() : List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /**
     * What the decision must be. Stage and tier are codes or display names from {@code ladders.yaml}; null means "no
     * stage" / "no tier".
     *
     * @param stage the expected stage, null for none
     * @param tier the expected tier, null for none
     * @param heldBack the tiers that must be held back, exactly these (order does not matter); empty for none
     * @param reasons texts each of which must appear in a reason of the decision or of a held-back tier
     */
    public record Expectation(String stage, String tier, List<String> heldBack, List<String> reasons) {

        public Expectation {
            heldBack = List.copyOf(heldBack);
            reasons = List.copyOf(reasons);
        }
    }
}
