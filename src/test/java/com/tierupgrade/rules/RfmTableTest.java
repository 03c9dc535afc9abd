package com.tierupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.testing.FactsBody;
import com.tierupgrade.testing.ShippedRules;

/** The eight RFM segments are a table marketers edit (rules/rfm.table.yaml); the compiler turns it into rules. */
class RfmTableTest {

    private static final String TABLE = "rfm.table.yaml";

    /** Three purchases of 200 five days ago: R high, F high, M = 600. */
    private static final FactsBody SPENT_600 = FactsBody.facts().with("inGroup", true).purchases("p", 3, 200, 5);

    private static Decision evaluate(RuleSet ruleSet, FactsBody body) {
        FactsRequest request = new ObjectMapper().convertValue(body.json(), FactsRequest.class);
        ValidFacts facts = FactsValidator.validate(request, Instant.now(), ruleSet.events());
        return new RuleEngine().evaluate(ruleSet, "c1", new CustomerFacts(facts.attributes(), facts.events()),
                facts.asOf());
    }

    @Test
    void shouldSegmentWithTheThresholdAMarketerChangedInTheTable() {
        assertEquals("GENERAL_VALUE", evaluate(new RuleSetCompiler().compile("shipped", ShippedRules.files()), SPENT_600)
                .valueOf("rfm"), "M 600 is low against 1000");

        Map<String, String> files = ShippedRules.withEdit(TABLE, "高: 至少 1000", "高: 至少 500");
        Decision decision = evaluate(new RuleSetCompiler().compile("draft", files), SPENT_600);
        assertEquals("IMPORTANT_VALUE", decision.valueOf("rfm"));
        assertTrue(decision.reasonsFor("rfm").get(0).contains("RFM窗口内消费金额 600 元(M高,高:至少 500 元)"),
                decision.reasonsFor("rfm").toString());
    }

    @Test
    void shouldNameTheFileLineAndColumnOfAWrongCell() {
        Map<String, String> files = ShippedRules.withEdit(TABLE, "[重要发展, 高, 低, 高]", "[重要发展, 高, 中, 高]");
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class,
                () -> new RuleSetCompiler().compile("draft", files));
        int line = files.get(TABLE).lines().toList().indexOf("  - [重要发展, 高, 中, 高]") + 1;
        assertEquals(TABLE + ":" + line + ":15: column F: '中' must be 高 or 低", invalid.problems().get(0).toString());
    }

    @Test
    void shouldRefuseAValueTheLaddersDoNotHaveAndARepeatedCombination() {
        Map<String, String> files = ShippedRules.withEdit(TABLE, "[一般挽留, 低, 低, 低]", "[一般流失, 低, 低, 高]");
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class,
                () -> new RuleSetCompiler().compile("draft", files));
        assertTrue(invalid.getMessage().contains("'一般流失' is not a value name of ladders.yaml"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains("repeats R低 F低 M高"), invalid.getMessage());
    }
}
