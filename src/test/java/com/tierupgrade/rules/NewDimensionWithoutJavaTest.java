package com.tierupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.testing.ShippedRules;

/** A marketer adds a dimension with ladders.yaml and one rule file: the engine decides it, no Java involved. */
class NewDimensionWithoutJavaTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void shouldDecideADimensionDeclaredOnlyInTheRulesFolder() {
        Map<String, String> files = ShippedRules.files();
        files.put("ladders.yaml", files.get("ladders.yaml") + """
                wealth:
                  name: 财富标签
                  values:
                    - {code: ORDINARY, name: 普通}
                    - {code: HIGH_NET_WORTH, name: 高净值}
                """);
        files.put("wealth.drl", """
                package rules;
                import com.tierupgrade.rules.fact.*;

                rule "普通:所有客户"
                when
                    Profile()
                then
                    insert(new Reached("wealth", "ORDINARY", "默认"));
                end

                rule "高净值:单笔消费至少 5000 元"
                when
                    Event( type == "PURCHASE", amount >= 5000, $amount : amount )
                then
                    insert(new Reached("wealth", "HIGH_NET_WORTH", "单笔消费 " + yuan($amount) + " 元"));
                end
                """);
        RuleSet ruleSet = new RuleSetCompiler().compile("draft", files);

        Decision rich = new RuleEngine().evaluate(ruleSet, "c", new CustomerFacts(Map.of(), List.of(
                new FactEvent("o1", "PURCHASE", AS_OF.minusSeconds(86_400), Map.of("amount", 6000)))), AS_OF);
        Decision ordinary = new RuleEngine().evaluate(ruleSet, "c", new CustomerFacts(Map.of(), List.of()), AS_OF);

        assertEquals("HIGH_NET_WORTH", rich.valueOf("wealth"));
        assertEquals(List.of("单笔消费 6000 元"), rich.reasonsFor("wealth"));
        assertEquals("ORDINARY", ordinary.valueOf("wealth"));
        assertTrue(ruleSet.ladders().of("wealth").orElseThrow().ordered());
    }

    @Test
    void shouldRefuseARuleThatNamesAnUndeclaredDimensionOrValueWithItsLine() {
        Map<String, String> files = ShippedRules.files();
        files.put("typo.drl", """
                package rules;
                import com.tierupgrade.rules.fact.*;
                rule "拼错的维度"
                when
                    Profile()
                then
                    insert(new Reached("welth", "X", "…"));
                    insert(new Reached("rfm", "IMPORTANT_VALEU", "…"));
                    insert(new TierReached("DISTRIBUTER", "…"));
                end
                """);
        RuleSetInvalid refused = assertThrows(RuleSetInvalid.class,
                () -> new RuleSetCompiler().compile("draft", files));
        assertEquals(List.of(
                "typo.drl:7:0: 'welth' is not a dimension of ladders.yaml; the dimensions are [stage, tier, influencer, buyerGroup, "
                        + "tierRoles, relationship, rfm, lifecycle, quadrant, sensitivity, population]",
                "typo.drl:8:0: 'IMPORTANT_VALEU' is not a value of rfm in ladders.yaml; the values are [GENERAL_RETAIN, "
                        + "GENERAL_KEEP, GENERAL_DEVELOP, GENERAL_VALUE, IMPORTANT_RETAIN, IMPORTANT_KEEP, "
                        + "IMPORTANT_DEVELOP, IMPORTANT_VALUE]",
                "typo.drl:9:0: 'DISTRIBUTER' is not a value of tier in ladders.yaml; the values are [FOLLOWER, "
                        + "SPREADER, INFLUENCER, DIE_HARD_FAN, HEAVY_CONSUMER, DISTRIBUTOR]"),
                refused.problems().stream().map(Object::toString).toList());
    }
}
