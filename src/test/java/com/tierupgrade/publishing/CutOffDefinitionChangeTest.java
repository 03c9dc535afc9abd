package com.tierupgrade.publishing;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.testing.ShippedRules;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A rule-set change that only changes a cut-off definition (cutoffs.yaml) moves customers in the re-evaluation that
 * follows it, with cause RULESET_CHANGE: the cut-off is computed afresh for its new definition when the rule set is
 * activated, not left at the value of the old definition until the next scheduled run (issue 16 item 8).
 */
@QuarkusTest
@TestProfile(RuleSetLifecycleTest.LiveRules.class)
class CutOffDefinitionChangeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @BeforeEach
    void startFromTheShippedRules() {
        RuleSetLifecycleTest.resetLiveFolder();
        awaitActive(ShippedRules.files());
    }

    @Test
    void shouldMoveCustomersWhenOnlyACutOffDefinitionChanges() {
        String whale = newCustomerId();
        String modest = newCustomerId();
        postFacts(whale, facts().withoutAsOf().purchases("w", 1, 100_000_000, 1)).statusCode(200);
        postFacts(modest, facts().withoutAsOf().purchases("m", 1, 50, 1)).statusCode(200);

        // Only the very top spender (the whale, or someone above) is a super user: the modest customer is not.
        awaitActive(withSuperUserTopPercent("0.01"));
        assertNotEquals("SUPER_USER", population(modest));

        // Every spender is a super user now; the re-evaluation after the change moves the modest customer.
        awaitActive(withSuperUserTopPercent("100"));
        assertEquals("SUPER_USER", population(modest));
        List<Map<String, Object>> entries = given().get("/customers/{id}/history", modest).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.dimension == 'population' }");
        Map<String, Object> last = entries.get(entries.size() - 1);
        assertEquals("SUPER_USER", last.get("to"));
        assertEquals("RULESET_CHANGE", last.get("cause"), last.toString());
    }

    private static Map<String, String> withSuperUserTopPercent(String topPercent) {
        String shipped = ShippedRules.files().get("cutoffs.yaml");
        String changed = shipped.replaceFirst("(superUserSpend:[\\s\\S]*?topPercent: )10", "$1" + topPercent);
        assertNotEquals(shipped, changed);
        Map<String, String> files = new HashMap<>(ShippedRules.files());
        files.put("cutoffs.yaml", changed);
        ShippedRules.writeTo(RuleSetLifecycleTest.LIVE, Map.of("cutoffs.yaml", changed));
        return files;
    }

    private static String population(String customerId) {
        return given().get("/customers/{id}", customerId).then().statusCode(200).extract().jsonPath()
                .getString("decision.dimensions.population.code");
    }

    /** Waits until the files are the active rule set and the re-evaluation after it is done. */
    private static void awaitActive(Map<String, String> files) {
        String version = RuleSetCompiler.versionOf(files);
        await("rule set " + version, state -> state.getString("version").equals(version));
        await("the re-evaluation under " + version, state -> {
            JsonPath jobs = given().get("/reevaluations").then().statusCode(200).extract().jsonPath();
            return !jobs.getList("state").contains("RUNNING") && (version.equals(RuleSetCompiler.versionOf(
                    ShippedRules.files())) || jobs.getList("findAll { it.rulesetVersion == '" + version
                            + "' && it.state == 'DONE' }").size() > 0);
        });
    }

    private static void await(String what, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (done.test(given().get("/rulesets/current").then().statusCode(200).extract().jsonPath())) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("waited " + PATIENCE + " for " + what);
    }
}
