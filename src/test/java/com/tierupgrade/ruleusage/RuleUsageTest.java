package com.tierupgrade.ruleusage;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Which rules work: real posts move the counters of exactly the rules that fired and held back. */
@QuarkusTest
class RuleUsageTest {

    private record Counts(long fired7, long heldBack7, long fired30, long heldBack30) {
    }

    private static JsonPath usage() {
        return given().when().get("/rulesets/rule-usage").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Counts> countsOf(JsonPath usage) {
        Map<String, Counts> counts = new HashMap<>();
        List<Map<String, Object>> rules = usage.getList("rules");
        for (Map<String, Object> rule : rules) {
            counts.put((String) rule.get("rule"), new Counts(((Number) rule.get("fired7")).longValue(),
                    ((Number) rule.get("heldBack7")).longValue(), ((Number) rule.get("fired30")).longValue(),
                    ((Number) rule.get("heldBack30")).longValue()));
        }
        return counts;
    }

    @Test
    void shouldCountTheRulesThatFiredAndHeldBackInEachPost() {
        Map<String, Counts> before = countsOf(usage());

        // Opted in to distribution but refused it: the distributor tier is held back by a filter rule.
        String id = newCustomerId();
        JsonPath first = postFacts(id, repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true))
                .statusCode(200).extract().jsonPath();
        JsonPath second = postFacts(id, facts().interactions("more", 2, 2)).statusCode(200).extract().jsonPath();
        String holding = first.getString("heldBack[0].rule");
        assertEquals(holding, second.getString("heldBack[0].rule"), "the same rule holds back both times");

        Map<String, Integer> fired = new HashMap<>();
        for (JsonPath answer : List.of(first, second)) {
            new HashSet<>(answer.<String>getList("firedRules")).forEach(rule -> fired.merge(rule, 1, Integer::sum));
        }
        JsonPath after = usage();
        Map<String, Counts> counts = countsOf(after);
        for (Map.Entry<String, Integer> rule : fired.entrySet()) {
            Counts was = before.getOrDefault(rule.getKey(), new Counts(0, 0, 0, 0));
            Counts now = counts.get(rule.getKey());
            assertEquals(was.fired7() + rule.getValue(), now.fired7(), rule.getKey());
            assertEquals(was.fired30() + rule.getValue(), now.fired30(), rule.getKey());
            assertFalse(after.<String>getList("neverFired").contains(rule.getKey()), rule.getKey());
        }
        Counts held = counts.get(holding);
        Counts heldBefore = before.getOrDefault(holding, new Counts(0, 0, 0, 0));
        assertEquals(heldBefore.heldBack7() + 2, held.heldBack7(), holding);
        assertEquals(heldBefore.heldBack30() + 2, held.heldBack30(), holding);
        // A rule that fired without holding anyone back has no held-back count from these posts.
        String other = fired.keySet().stream().filter(rule -> !rule.equals(holding)).findFirst().orElseThrow();
        assertEquals(before.getOrDefault(other, new Counts(0, 0, 0, 0)).heldBack30(), counts.get(other).heldBack30());
    }

    @Test
    void shouldListEveryRuleOfTheActiveRuleSetAndThoseThatNeverFired() {
        JsonPath usage = usage();
        Map<String, Counts> counts = countsOf(usage);
        String version = given().when().get("/rulesets/current").then().statusCode(200).extract().path("version");
        assertEquals(version, usage.getString("version"));
        assertTrue(counts.size() > 10, "every rule of the active rule set is listed: " + counts.keySet());
        Set<String> never = new HashSet<>(usage.getList("neverFired"));
        counts.forEach((rule, count) -> assertEquals(count.fired30() == 0, never.contains(rule), rule));
        List<Long> fired30 = counts.values().stream().map(Counts::fired30).toList();
        assertTrue(usage.<Map<String, Object>>getList("rules").stream().map(rule -> ((Number) rule.get("fired30"))
                .longValue()).toList().equals(fired30.stream().sorted((a, b) -> Long.compare(b, a)).toList()),
                "most fired first");
    }
}
