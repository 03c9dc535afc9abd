package com.tierupgrade.publishing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tierupgrade.publishing.scenario.ScenarioRunner;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/** The files of a draft in one map: rule files by name, scenarios as {@code scenarios/<name>.yaml}. */
final class DraftFiles {

    private DraftFiles() {
    }

    /** Refuses names that are not a file of the rules folder or of its scenarios folder. */
    static void requireValidNames(Map<String, ?> files, String message) {
        for (String name : files.keySet()) {
            String plain = name.startsWith(ScenarioRunner.DIRECTORY + "/")
                    ? name.substring(ScenarioRunner.DIRECTORY.length() + 1) : name;
            if (plain.isBlank() || plain.contains("/") || plain.contains("\\") || plain.contains("\0")) {
                throw new InvalidInput(message, List.of(new FieldProblem("files." + name,
                        "must be a file name in the rules folder, or scenarios/<name>.yaml")));
            }
        }
    }

    static boolean isScenario(String name) {
        return name.startsWith(ScenarioRunner.DIRECTORY + "/");
    }

    static Map<String, String> rules(Map<String, String> files) {
        Map<String, String> rules = new TreeMap<>();
        files.forEach((name, content) -> {
            if (!isScenario(name)) {
                rules.put(name, content);
            }
        });
        return rules;
    }

    static Map<String, String> scenarios(Map<String, String> files) {
        Map<String, String> scenarios = new TreeMap<>();
        files.forEach((name, content) -> {
            if (isScenario(name)) {
                scenarios.put(name, content);
            }
        });
        return scenarios;
    }

    static Map<String, String> join(Map<String, String> rules, Map<String, String> scenarios) {
        Map<String, String> files = new TreeMap<>(rules);
        files.putAll(scenarios);
        return files;
    }
}
