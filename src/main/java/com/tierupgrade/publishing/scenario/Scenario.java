package com.tierupgrade.publishing.scenario;

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
 * @param previous the customer's previous value per dimension, for rules that notice a movement (a drift warning)
 * @param cutOffs population cut-off values by name, as if just computed
 * @param expect what the decision must be
 * @param later the same facts evaluated again later, each continuing from the decision before it (so the dimensions'
 *        policy of ladders.yaml, grace periods and steps, applies), with what each decision must be
 * @param problems what is wrong with the scenario's shape (unknown or missing fields); a scenario with problems fails
 *        without being evaluated
 */
public record Scenario(String name, int line, String asOf, Map<String, Object> attributes,
        List<Map<String, Object>> events, Map<String, String> previous, Map<String, Double> cutOffs,
        Expectation expect, List<Later> later, List<String> problems) {

    /** One later evaluation: {@code daysLater} days after the scenario's asOf. */
    public record Later(int daysLater, Expectation expect) {
    }

    public Scenario {
        previous = previous == null ? Map.of() : Map.copyOf(previous);
        cutOffs = cutOffs == null ? Map.of() : Map.copyOf(cutOffs);
        // Attributes may hold null (the API's "remove this attribute"), which Map.copyOf refuses.
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        events = events == null ? List.of() : List.copyOf(events);
        problems = List.copyOf(problems);
        later = later == null ? List.of() : List.copyOf(later);
    }

    /**
     * What the decision must be. Values are codes or display names from {@code ladders.yaml}; null means "no value".
     *
     * @param dimensions the expected value of each dimension the scenario names
     * @param roles the values a multi-valued dimension must hold, exactly these (written as a list); empty: none
     * @param heldBack the tiers that must be held back, exactly these (order does not matter); empty for none, null
     *        when not checked
     * @param reasons texts each of which must appear in a reason of the decision or of a held-back tier
     * @param warnings the codes of the warnings that must be raised, exactly these; null when not checked
     * @param measures measures that must have these values
     */
    public record Expectation(Map<String, String> dimensions, Map<String, List<String>> roles, List<String> heldBack, List<String> reasons,
            List<String> warnings, Map<String, Double> measures) {

        public Expectation {
            dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
            roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
            heldBack = heldBack == null ? null : List.copyOf(heldBack);
            reasons = List.copyOf(reasons);
            warnings = warnings == null ? null : List.copyOf(warnings);
            measures = Map.copyOf(measures);
        }

        public String stage() {
            return dimensions.get("stage");
        }

        public String tier() {
            return dimensions.get("tier");
        }
    }
}
