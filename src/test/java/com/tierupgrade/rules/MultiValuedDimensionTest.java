package com.tierupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.DimensionValue;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.testing.ShippedRules;

/** A dimension declared multiValued gives every value whose rule holds, each with its reasons and its action. */
public class MultiValuedDimensionTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    public static final String ROLES_LADDER = """
            roles:
              name: 角色
              multiValued: true
              values:
                - {code: SHARER, name: 传播者, action: 邀请参加裂变活动}
                - {code: BIG_SPENDER, name: 大额消费者, action: 专属客服跟进}
                - {code: BARGAIN_HUNTER, name: 羊毛党}
              warnings:
                ROLE_DRIFT: {action: 一对一回访}
            """;

    public static final String ROLES_RULES = """
            package rules;
            import com.tierupgrade.rules.fact.*;

            rule "传播者:分享过"
            when
                accumulate( Event( type == "SHARE" ); $shares : count(); $shares >= 1 )
            then
                insert(new Reached("roles", "SHARER", "分享 " + $shares + " 次"));
            end

            rule "大额消费者:单笔至少 1000 元"
            when
                Event( type == "PURCHASE", amount >= 1000 )
            then
                insert(new Reached("roles", "BIG_SPENDER", "单笔消费至少 1000 元"));
            end

            rule "羊毛党:只用券买"
            when
                exists Event( type == "PURCHASE" )
                not Event( type == "PURCHASE", !couponUsed )
            then
                insert(new Reached("roles", "BARGAIN_HUNTER", "每一单都用券"));
            end

            rule "角色漂移:曾是大额消费者"
            when
                Previous( dimension == "roles", code == "BIG_SPENDER" )
                not Event( type == "PURCHASE", amount >= 1000 )
            then
                insert(new Warning("ROLE_DRIFT", "roles", "不再有大额消费"));
            end
            """;

    static Map<String, String> withRoles() {
        Map<String, String> files = ShippedRules.files();
        files.put("ladders.yaml", files.get("ladders.yaml") + ROLES_LADDER);
        files.put("roles.drl", ROLES_RULES);
        return files;
    }

    private static FactEvent event(String id, String type, Map<String, Object> fields) {
        return new FactEvent(id, type, AS_OF.minusSeconds(86_400), fields);
    }

    @Test
    void shouldHoldEveryRoleWhoseRuleHoldsWithReasonsAndActions() {
        RuleSet ruleSet = new RuleSetCompiler().compile("draft", withRoles());
        CustomerFacts facts = new CustomerFacts(Map.of("inGroup", true), List.of(
                event("s1", "SHARE", Map.of()),
                event("o1", "PURCHASE", Map.of("amount", 1500, "couponUsed", true))));

        Decision decision = new RuleEngine().evaluate(ruleSet, "c", facts, AS_OF);

        assertEquals(List.of("SHARER", "BIG_SPENDER", "BARGAIN_HUNTER"), decision.rolesOf("roles"));
        assertEquals(new DimensionValue("SHARER", List.of("分享 1 次"), "邀请参加裂变活动"),
                decision.roles().get("roles").get(0));
        assertEquals(null, decision.roles().get("roles").get(2).action());
        assertEquals(null, decision.valueOf("roles"), "a multi-valued dimension is not a single value");
        assertEquals("HEAVY_CONSUMER", decision.tier(), "single-valued dimensions keep their behaviour");
    }

    @Test
    void shouldGiveTheWarningItsActionAndSeePreviousRoles() {
        RuleSet ruleSet = new RuleSetCompiler().compile("draft", withRoles());
        Decision before = new RuleEngine().evaluate(ruleSet, "c", new CustomerFacts(Map.of(), List.of(
                event("o1", "PURCHASE", Map.of("amount", 1500)))), AS_OF);
        Decision after = new RuleEngine().evaluate(ruleSet, "c", new CustomerFacts(Map.of(), List.of(
                event("o2", "PURCHASE", Map.of("amount", 20)))), AS_OF,
                new com.tierupgrade.rules.engine.EvaluationContext(java.util.Optional.of(before), List.of()));

        assertEquals(List.of("BIG_SPENDER"), before.rolesOf("roles"));
        assertEquals(List.of(), after.rolesOf("roles"));
        assertEquals(List.of("一对一回访"), after.warnings().stream().filter(w -> w.code().equals("ROLE_DRIFT"))
                .map(w -> w.action()).toList());
    }

    @Test
    void shouldRefuseAMultiValuedTierAndUnknownValueFields() {
        Map<String, String> multiTier = ShippedRules.files();
        multiTier.put("ladders.yaml", multiTier.get("ladders.yaml").replaceFirst("tier:\n  name: 层级\n",
                "tier:\n  name: 层级\n  multiValued: true\n"));
        Map<String, String> typo = withRoles();
        typo.put("ladders.yaml", typo.get("ladders.yaml").replace("action: 专属客服跟进", "acton: 专属客服跟进"));

        RuleSetInvalid tier = assertThrows(RuleSetInvalid.class, () -> new RuleSetCompiler().compile("d", multiTier));
        RuleSetInvalid field = assertThrows(RuleSetInvalid.class, () -> new RuleSetCompiler().compile("d", typo));

        assertTrue(tier.getMessage().contains("'tier' must be single-valued"), tier.getMessage());
        assertTrue(field.getMessage().contains("unknown field 'acton'"), field.getMessage());
    }

    @Test
    void shouldCheckTheRolesAScenarioExpects() {
        Map<String, String> files = withRoles();
        files.put("scenarios/roles.yaml", """
                - name: 用券的大额消费者分享过:三个角色都有
                  asOf: 2026-11-20T00:00:00Z
                  events:
                    - {type: SHARE, daysAgo: 1}
                    - {type: PURCHASE, daysAgo: 2, amount: 1500, couponUsed: true}
                  expect:
                    roles: [羊毛党, SHARER, BIG_SPENDER]
                - name: 没有事件:没有角色
                  asOf: 2026-11-20T00:00:00Z
                  expect:
                    roles: []
                """);
        RuleSet ruleSet = new RuleSetCompiler().compile("draft", files);
        var results = new com.tierupgrade.publishing.scenario.ScenarioRunner().run(ruleSet,
                Map.of("scenarios/roles.yaml", files.get("scenarios/roles.yaml")));
        assertTrue(results.stream().allMatch(r -> r.failures().isEmpty()), results.toString());

        var wrong = new com.tierupgrade.publishing.scenario.ScenarioRunner().run(ruleSet,
                Map.of("scenarios/roles.yaml", files.get("scenarios/roles.yaml").replace("roles: []",
                        "roles: [SHARER]")));
        assertTrue(wrong.get(0).failures().isEmpty() && wrong.get(1).failures().get(0)
                .startsWith("roles: expected [SHARER], got []"), wrong.toString());
    }
}
