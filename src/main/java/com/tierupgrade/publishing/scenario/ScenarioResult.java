package com.tierupgrade.publishing.scenario;

import java.util.List;

/**
 * The outcome of one scenario. A file that cannot be read at all (not YAML, not a list) gives one result whose
 * scenario is {@link #WHOLE_FILE}.
 *
 * @param file the scenario file, e.g. {@code scenarios/default-examples.yaml}
 * @param scenario the scenario's name
 * @param passed true when every expectation held
 * @param failures one line per broken expectation or invalid field, e.g. {@code tier: expected DISTRIBUTOR, got
 *        FOLLOWER}; empty when passed
 */
public record ScenarioResult(String file, String scenario, boolean passed, List<String> failures) {

    /** The scenario name of a result about a whole file that could not be read. */
    public static final String WHOLE_FILE = "(whole file)";

    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    static ScenarioResult of(String file, String scenario, List<String> failures) {
        return new ScenarioResult(file, scenario, failures.isEmpty(), failures);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file).append(" › ").append(scenario)
                .append(passed ? ": passed" : ": FAILED");
        failures.forEach(failure -> text.append("\n    - ").append(failure));
        return text.toString();
    }
}
