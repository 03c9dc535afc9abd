package com.tierupgrade.rules;

import static com.tierupgrade.rules.Facts.AS_OF;
import static com.tierupgrade.rules.Facts.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.HeldBackTier;

/** The default rule set in rules/, evaluated without Quarkus: facts in, decision out. */
class DefaultRulesTest {

    private static RuleSet ruleSet;
    private final RuleEngine engine = new RuleEngine();

    @BeforeAll
    static void compileTheShippedRules() {
        ruleSet = new RuleSetCompiler().compile(Path.of("rules"));
    }

    private Decision evaluate(Facts facts) {
        return engine.evaluate(ruleSet, "c1", facts.build(), AS_OF);
    }

    private static Facts repeatBuyer() {
        return customer().with("addedWeCom", true)
                .events(4, "INTERACTION", 5, Map.of("kind", "LIKE"))
                .purchases(2, 300, 30);
    }

    @Test
    void shouldMakeRepeatBuyerReliantFollower() {
        Decision decision = evaluate(repeatBuyer());
        assertEquals("RELIANT", decision.stage());
        assertEquals("FOLLOWER", decision.tier());
        assertEquals(List.of(), decision.heldBack());
        System.out.println(decision);
    }

    @Test
    void shouldHoldBackDistributorWhenRefused() {
        Decision decision = evaluate(repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true));
        assertEquals("FOLLOWER", decision.tier());
        assertEquals(List.of(new HeldBackTier("DISTRIBUTOR", "用户明确拒绝分销,不硬推", "明确拒绝分销:不硬推")),
                decision.heldBack());
    }

    @Test
    void shouldHoldBackHeavyConsumerOfProblemUser() {
        Decision decision = evaluate(customer().with("addedWeCom", true).purchases(5, 300, 10)
                .event("COMPLAINT", 3, Map.of("resolved", false)));
        assertEquals("FAMILIAR", decision.stage());
        assertEquals("FOLLOWER", decision.tier());
        assertEquals(List.of("HEAVY_CONSUMER"), decision.heldBack().stream().map(HeldBackTier::tier).toList());
        System.out.println(decision);
    }

    @Test
    void shouldHoldBackAfterBadReviewUntilRefund() {
        Facts facts = repeatBuyer().with("distributorOptIn", true).event("REVIEW", 10, Map.of("rating", 1));
        assertEquals("FOLLOWER", evaluate(facts).tier());
        assertEquals("DISTRIBUTOR", evaluate(facts.event("REFUND", 5, Map.of("amount", 300))).tier());
    }

    @Test
    void shouldHoldBackBargainHunterFromDieHardFan() {
        Facts facts = customer().with("addedWeCom", true)
                .events(3, "PURCHASE", 10, Map.of("amount", 50, "couponUsed", true))
                .event("SUGGESTION", 2, Map.of());
        Decision decision = evaluate(facts);
        assertEquals("FOLLOWER", decision.tier());
        assertEquals(List.of("DIE_HARD_FAN"), decision.heldBack().stream().map(HeldBackTier::tier).toList());
        System.out.println(decision);
    }
}
