package com.tierupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.testing.FactsBody;
import com.tierupgrade.testing.RuleCase;

/** The default rule set in rules/, evaluated in-process without Quarkus: a table of facts → decision. */
class DefaultRulesTest {

    private static RuleSet ruleSet;
    private final RuleEngine engine = new RuleEngine();

    @BeforeAll
    static void compileTheShippedRules() {
        ruleSet = new RuleSetCompiler().compile(Path.of("rules"));
    }

    static List<RuleCase> cases() {
        return RuleCase.all();
    }

    private Decision evaluate(FactsBody body) {
        FactsRequest request = new ObjectMapper().convertValue(body.json(), FactsRequest.class);
        ValidFacts facts = FactsValidator.validate(request, Instant.now(), ruleSet.events());
        return engine.evaluate(ruleSet, "c1", new CustomerFacts(facts.attributes(), facts.events()), facts.asOf());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldDecideAsTheTableSays(RuleCase rule) {
        Decision decision = evaluate(rule.body().get());
        assertAll(() -> assertEquals(rule.stage(), decision.stage(), "stage"),
                () -> assertEquals(rule.tier(), decision.tier(), "tier"),
                () -> assertEquals(rule.heldBack(), decision.heldBack().stream().map(HeldBackTier::tier).toList(),
                        "held back"));
    }

    @Test
    void shouldNameTheFilterThatHeldBack() {
        Decision decision = evaluate(RuleCase.repeatBuyer().with("distributorOptIn", true)
                .with("distributorRefused", true));
        assertEquals(List.of(new HeldBackTier("DISTRIBUTOR", "用户明确拒绝分销,不硬推", "明确拒绝分销:不硬推")),
                decision.heldBack());
    }

    @Test
    void shouldGiveReasonsWithTheNumbersSeen() {
        Decision decision = evaluate(RuleCase.repeatBuyer());
        assertEquals(List.of("近90天购买 2 次(至少 2 次)", "已进入客户旅程(熟悉或更高阶段)"), decision.reasons());
        assertEquals(ruleSet.version(), decision.rulesetVersion());
    }

    @Test
    void shouldDecideTheSameWayEveryTime() {
        FactsBody twoHoldsOnOneTier = RuleCase.repeatBuyer().with("distributorOptIn", true)
                .with("distributorRefused", true).event("bad", "REVIEW", 3, java.util.Map.of("rating", 1))
                .event("c", "COMPLAINT", 2, java.util.Map.of("resolved", false));
        Decision first = evaluate(twoHoldsOnOneTier);
        for (int i = 0; i < 200; i++) {
            assertEquals(first, evaluate(twoHoldsOnOneTier));
        }
    }

    @Test
    void shouldIgnoreEventsAfterTheEvaluationTime() {
        FactsBody body = RuleCase.repeatBuyer().asOf(FactsBody.AS_OF.minusSeconds(40L * 86400));
        assertEquals("FAMILIAR", evaluate(body).stage());
    }
}
