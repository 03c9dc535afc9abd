package com.tierupgrade.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.KeptBy;
import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.ManualKind;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.testing.ShippedRules;

/** The policy of ladders.yaml read by the compiler and applied by the engine, on the real rules folder. */
class DimensionPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final RuleEngine engine = new RuleEngine();

    private static CustomerFacts optedInRepeatBuyer() {
        return new CustomerFacts(Map.of("addedWeCom", true, "distributorOptIn", true), List.of(
                new FactEvent("p1", "PURCHASE", T0.minus(Duration.ofDays(10)), Map.of("amount", 300)),
                new FactEvent("p2", "PURCHASE", T0.minus(Duration.ofDays(11)), Map.of("amount", 300)),
                new FactEvent("l1", "INTERACTION", T0.minus(Duration.ofDays(1)), Map.of("kind", "LIKE")),
                new FactEvent("l2", "INTERACTION", T0.minus(Duration.ofDays(2)), Map.of("kind", "LIKE")),
                new FactEvent("l3", "INTERACTION", T0.minus(Duration.ofDays(3)), Map.of("kind", "LIKE")),
                new FactEvent("l4", "INTERACTION", T0.minus(Duration.ofDays(4)), Map.of("kind", "LIKE"))));
    }

    private Decision evaluate(RuleSet rules, CustomerFacts facts, Instant asOf, Decision previous,
            List<ManualDecision> manual) {
        return engine.evaluate(rules, "c", facts, asOf,
                new EvaluationContext(Optional.ofNullable(previous), List.of(), manual));
    }

    @Test
    void shouldGrantAnUpgradeOnlyAfterItsQualificationWindow() {
        RuleSet rules = compiler.compile("draft", ShippedRules.withParameter("tierQualificationDays", "14"));
        Decision first = evaluate(rules, optedInRepeatBuyer(), T0, null, List.of());
        // Nothing before: the first value waits too; the rules' value is shown as withheld.
        assertNull(first.tier());
        assertEquals("DISTRIBUTOR", first.withheld().get("tier").rulesSay());
        assertEquals(KeptBy.QUALIFICATION, first.withheld().get("tier").keptBy());

        Decision day7 = evaluate(rules, optedInRepeatBuyer(), T0.plus(Duration.ofDays(7)), first, List.of());
        assertNull(day7.tier());
        Decision day14 = evaluate(rules, optedInRepeatBuyer(), T0.plus(Duration.ofDays(14)), day7, List.of());
        assertEquals("DISTRIBUTOR", day14.tier());
        assertNull(day14.dimensions().get("tier").keptBy());
    }

    @Test
    void shouldPinAnUnorderedDimensionAndDropThePinWhenItExpires() {
        RuleSet rules = compiler.compile("draft", ShippedRules.files());
        ManualDecision pin = new ManualDecision("rfm", ManualKind.PIN, "IMPORTANT_VALUE", "人工核实", "editor", T0,
                T0.plus(Duration.ofDays(5)));
        Decision pinned = evaluate(rules, optedInRepeatBuyer(), T0, null, List.of(pin));
        assertEquals("IMPORTANT_VALUE", pinned.valueOf("rfm"));
        assertEquals(KeptBy.PIN, pinned.dimensions().get("rfm").keptBy());
        assertTrue(pinned.dimensions().get("rfm").reasons().get(0).contains("人工核实"));

        Decision expired = evaluate(rules, optedInRepeatBuyer(), T0.plus(Duration.ofDays(5)), pinned, pinned.manual());
        assertEquals(List.of(), expired.manual());
        assertEquals(expired.dimensions().get("rfm").rulesSay(), expired.valueOf("rfm"));
    }

    @Test
    void shouldRefuseAPolicyOnAnUnorderedDimensionOrWithAnUnknownParameter() {
        RuleSetInvalid unordered = assertThrows(RuleSetInvalid.class, () -> compiler.compile("draft",
                ShippedRules.withEdit("ladders.yaml", "rfm:\n  name: RFM 分群\n",
                        "rfm:\n  name: RFM 分群\n  policy: {graceDays: 3}\n")));
        assertTrue(unordered.getMessage().contains("only an ordered dimension has a policy"), unordered.getMessage());

        RuleSetInvalid unknown = assertThrows(RuleSetInvalid.class, () -> compiler.compile("draft",
                ShippedRules.withEdit("ladders.yaml", "graceDays: tierGraceDays", "graceDays: tierGraceDay")));
        assertTrue(unknown.getMessage().contains("'tierGraceDay', which parameters.yaml does not have"),
                unknown.getMessage());

        RuleSetInvalid fraction = assertThrows(RuleSetInvalid.class, () -> compiler.compile("draft",
                ShippedRules.withParameter("tierGraceDays", "2.5")));
        assertTrue(fraction.getMessage().contains("whole number of days"), fraction.getMessage());
    }
}
