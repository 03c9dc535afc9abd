package com.tierupgrade.rules.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.testing.ShippedRules;

/** A rules directory that cannot become a rule set is refused with each problem's file, line and message. */
class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private RuleSetInvalid.Problem onlyProblemIn(String file, Map<String, String> files) {
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> compiler.compile("draft", files));
        List<RuleSetInvalid.Problem> inFile = invalid.problems().stream().filter(p -> p.file().equals(file)).toList();
        assertTrue(!inFile.isEmpty(), invalid.getMessage());
        return inFile.get(0);
    }

    @Test
    void shouldNameFileAndLineOfSyntaxError() {
        RuleSetInvalid.Problem problem = onlyProblemIn("measures.drl",
                ShippedRules.withEdit("measures.drl", "max($days); $n > 0 )", "max($days); $n > 0"));
        assertEquals(11, problem.line());
        assertTrue(problem.message().contains("mismatched input 'then'"), problem.message());
    }

    @Test
    void shouldNameFileAndLineOfMisspeltFactType() {
        RuleSetInvalid.Problem problem = onlyProblemIn("measures.drl", ShippedRules.withEdit("measures.drl",
                "accumulate( Measure( name == ", "accumulate( Measur( name == "));
        assertTrue(problem.line() > 0, problem.toString());
        assertTrue(problem.message().contains("Measur"), problem.message());
    }

    @Test
    void shouldNameFileAndLineOfUnknownThreshold() {
        RuleSetInvalid.Problem problem = onlyProblemIn("tiers.dslr", ShippedRules.withEdit("tiers.dslr",
                "分享至少 spreaderMinShares 次", "分享至少 spreaderMinShare 次"));
        assertTrue(problem.line() > 0, problem.toString());
        assertTrue(problem.message().contains("spreaderMinShare"), problem.message());
    }

    @Test
    void shouldRefuseParameterThatIsNotANumber() {
        RuleSetInvalid.Problem problem = onlyProblemIn("parameters.yaml",
                ShippedRules.withParameter("reliantMinPurchases", "two"));
        assertEquals("reliantMinPurchases: must be a number, not 'two'", problem.message());
    }

    @Test
    void shouldUseParameterValueChangedByMarketer() {
        RuleSet strict = compiler.compile("draft", ShippedRules.withParameter("heavyConsumerMinSpend", "5000.5"));
        CustomerFacts bigSpender = new CustomerFacts(Map.of("inGroup", true), List.of(new com.tierupgrade.facts.FactEvent(
                "o1", "PURCHASE", Instant.now().minusSeconds(3600), Map.of("amount", 5000))));
        assertEquals("FOLLOWER", new RuleEngine().evaluate(strict, "c", bigSpender, Instant.now()).tier());
    }

    @Test
    void shouldRefuseRuleThatCallsOutsideTheFactModel() {
        Map<String, String> files = ShippedRules.files();
        files.put("exit.drl", """
                package rules;
                import com.tierupgrade.rules.fact.*;

                rule "关门"
                when
                    Profile()
                then
                    System.exit(0);
                end
                """);
        RuleSetInvalid.Problem problem = onlyProblemIn("exit.drl", files);
        assertEquals(8, problem.line());
        assertTrue(problem.message().contains("'System' is not allowed"), problem.message());
    }

    @Test
    void shouldRefuseRulesWithoutLadders() {
        Map<String, String> files = ShippedRules.files();
        files.remove("ladders.yaml");
        assertTrue(onlyProblemIn("ladders.yaml", files).message().contains("missing"));
    }

    @Test
    void shouldRefuseLadderListingATierTwice() {
        RuleSetInvalid.Problem problem = onlyProblemIn("ladders.yaml",
                ShippedRules.withEdit("ladders.yaml", "code: SPREADER", "code: FOLLOWER"));
        assertEquals("'tier' lists FOLLOWER twice", problem.message());
    }

    @Test
    void shouldRefuseDirectoryWithoutRuleFiles() {
        Path empty = ShippedRules.writeTo(Map.of("ladders.yaml", ShippedRules.files().get("ladders.yaml")));
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> compiler.compile(empty));
        assertTrue(invalid.getMessage().contains("no rule files"), invalid.getMessage());
    }

    @Test
    void shouldNameRuleThatReachesATierTheLaddersDoNotList() {
        RuleSet ruleSet = compiler.compile("draft",
                ShippedRules.withEdit("marketing.dsl", "=\"FOLLOWER\"", "=\"FOLOWER\""));
        CustomerFacts connected = new CustomerFacts(Map.of("inGroup", true), List.of());
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> new RuleEngine().evaluate(ruleSet, "c", connected, Instant.now()));
        assertTrue(unknown.getMessage().contains("FOLOWER"), unknown.getMessage());
    }

    @Test
    void shouldVersionByContent() {
        String shipped = compiler.compile("shipped", ShippedRules.files()).version();
        assertEquals(shipped, compiler.compile(Path.of("rules")).version());
        assertNotEquals(shipped, RuleSetCompiler.versionOf(ShippedRules.withParameter("reliantMinPurchases", "3")));
    }
}
