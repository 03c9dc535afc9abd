package com.tierupgrade.rules.scenario;

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

import com.tierupgrade.rules.Ladder;
import com.tierupgrade.rules.RuleSet;
import com.tierupgrade.rules.RuleSetCompiler;

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

    /** A stage or tier that no scenario expects is a rule nobody proved; add a scenario for it. */
    @Test
    void shippedScenariosCoverEveryStageAndTier() {
        Set<String> stages = new LinkedHashSet<>();
        Set<String> tiers = new LinkedHashSet<>();
        ScenarioReader reader = new ScenarioReader();
        files.values().forEach(content -> reader.read(content).forEach(scenario -> {
            stages.add(code(ruleSet.ladders().stage(), scenario.expect().stage()));
            tiers.add(code(ruleSet.ladders().tier(), scenario.expect().tier()));
            scenario.expect().heldBack().forEach(held -> tiers.add(code(ruleSet.ladders().tier(), held)));
        }));
        List<String> missing = new ArrayList<>();
        ruleSet.ladders().stage().rungs().stream().map(Ladder.Rung::code).filter(code -> !stages.contains(code))
                .forEach(code -> missing.add("stage " + code));
        ruleSet.ladders().tier().rungs().stream().map(Ladder.Rung::code).filter(code -> !tiers.contains(code))
                .forEach(code -> missing.add("tier " + code));
        assertTrue(missing.isEmpty(), "no shipped scenario expects " + missing);
    }

    private static String code(Ladder ladder, String written) {
        return ladder.rungs().stream().filter(rung -> rung.code().equals(written) || rung.name().equals(written))
                .map(Ladder.Rung::code).findFirst().orElse(written);
    }
}
