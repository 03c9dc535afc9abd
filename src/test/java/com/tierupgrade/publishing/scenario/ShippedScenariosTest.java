package com.tierupgrade.publishing.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.RuleSet;

/**
 * Every scenario shipped in rules/scenarios/ holds for the rules shipped in rules/: one test per scenario, failing
 * with the runner's failure text. Run only these with {@code ./mvnw test -Dtest=ShippedScenariosTest}.
 */
class ShippedScenariosTest {

    private static final Path RULES = Path.of("rules");

    private static RuleSet ruleSet;
    private static Map<String, String> files;

    @BeforeAll
    static void compileTheShippedRules() {
        ruleSet = new RuleSetCompiler().compile(RULES);
        files = ScenarioRunner.readScenarioFiles(RULES);
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioHolds() {
        assertFalse(files.isEmpty(), "no scenario files in " + RULES.resolve(ScenarioRunner.DIRECTORY));
        return new ScenarioRunner().run(ruleSet, files).stream()
                .map(result -> DynamicTest.dynamicTest(result.file() + " › " + result.scenario(),
                        () -> {
                            if (!result.passed()) {
                                fail(result.file() + " › " + result.scenario() + "\n"
                                        + String.join("\n", result.failures()));
                            }
                        }));
    }

    /** A value of any dimension that no scenario expects is a rule nobody proved; add a scenario for it. */
    @Test
    void shippedScenariosCoverEveryValueOfEveryDimension() {
        Set<String> expected = new LinkedHashSet<>();
        ScenarioReader reader = new ScenarioReader();
        files.values().forEach(content -> reader.read(content).forEach(scenario -> {
            scenario.expect().dimensions().forEach((dimension, written) -> ruleSet.ladders().of(dimension)
                    .flatMap(ladder -> ladder.codeOf(String.valueOf(written)))
                    .ifPresent(code -> expected.add(dimension + " " + code)));
            // a multi-valued dimension's value is covered by a scenario whose expected roles list it
            scenario.expect().roles().forEach((dimension, written) -> ruleSet.ladders().of(dimension)
                    .ifPresent(ladder -> written.forEach(value -> ladder.codeOf(value)
                            .ifPresent(code -> expected.add(dimension + " " + code)))));
            if (scenario.expect().heldBack() != null) {
                scenario.expect().heldBack().forEach(held -> ruleSet.ladders().tier().codeOf(held)
                        .ifPresent(code -> expected.add("tier " + code)));
            }
        }));
        List<String> missing = new ArrayList<>();
        for (Ladder ladder : ruleSet.ladders().all()) {
            ladder.rungs().stream().map(rung -> ladder.dimension() + " " + rung.code())
                    .filter(value -> !expected.contains(value)).forEach(missing::add);
        }
        assertTrue(missing.isEmpty(), "no shipped scenario expects " + missing);
    }

    /** Every warning the shipped rules can raise is proved by a scenario. */
    @Test
    void shippedScenariosProveTheDriftWarning() {
        ScenarioReader reader = new ScenarioReader();
        assertTrue(files.values().stream().flatMap(content -> reader.read(content).stream())
                .anyMatch(scenario -> scenario.expect().warnings() != null
                        && scenario.expect().warnings().contains("DRIFT_TO_LOW_LOW")));
    }
}
