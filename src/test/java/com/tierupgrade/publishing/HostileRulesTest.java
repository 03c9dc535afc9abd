package com.tierupgrade.publishing;

import static com.tierupgrade.publishing.RuleSetLifecycleTest.await;
import static com.tierupgrade.publishing.RuleSetLifecycleTest.current;
import static com.tierupgrade.publishing.RuleSetLifecycleTest.save;
import static com.tierupgrade.testing.Api.customer;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Hostile rule files — an endless loop, deep recursion, a heap fill, rules that fire without end — are refused within
 * the budget by validate, by the gate of the watched folder and by live evaluations, while a valid change afterwards
 * still activates and readiness stays up.
 */
@QuarkusTest
@TestProfile(RuleSetLifecycleTest.LiveRules.class)
class HostileRulesTest {

    /** Well within tierup.rules.check-timeout (30 s): these are refused before anything runs or within the budget. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    private static final String LOOPING_RULE = "自我触发:循环度量再插入一个循环度量";

    private static String drl(String body) {
        return "package rules;\nimport com.tierupgrade.rules.fact.*;\n\n" + body;
    }

    /** Fires once per profile, then each loop measure makes another: endless firings that fill the heap. */
    private static String selfFeeding(String condition) {
        return drl("""
                rule "起点:插入第一个循环度量"
                when
                    Profile( %s )
                then
                    insert(new Measure("loop", "循环", 1, "次"));
                end

                rule "%s"
                when
                    Measure( name == "loop" )
                then
                    insert(new Measure("loop", "循环", 1, "次"));
                end
                """.formatted(condition, LOOPING_RULE));
    }

    @BeforeEach
    void startFromTheShippedRules() {
        RuleSetLifecycleTest.resetLiveFolder();
        String shipped = RuleSetCompiler.versionOf(ShippedRules.files());
        await("the shipped rules to be active", state -> state.getString("version").equals(shipped));
    }

    @AfterEach
    void removeHostileFiles() throws IOException {
        Files.deleteIfExists(RuleSetLifecycleTest.LIVE.resolve("hostile.drl"));
    }

    @Test
    void shouldRefuseLoopRecursionAndHeapFillInADraftWithTheirLine() {
        Map<String, Integer> hostile = Map.of(
                drl("rule \"死循环\"\nwhen\n    Profile()\nthen\n    while (true) { }\nend\n"), 8,
                drl("function int deep(int n) {\n    return n <= 0 ? 0 : 1 + deep(n - 1);\n}\n"), 4,
                drl("rule \"填满内存\"\nwhen\n    Profile()\nthen\n    String s = \"x\".repeat(Integer.MAX_VALUE);\nend\n"),
                8);
        hostile.forEach((content, line) -> {
            long start = System.nanoTime();
            given().contentType(ContentType.JSON).body(Map.of("files", Map.of("hostile.drl", content)))
                    .post("/rulesets/validate").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("problems[0].file", equalTo("hostile.drl"))
                    .body("problems[0].line", equalTo(line));
            assertFaster(start);
        });
    }

    @Test
    void shouldRefuseADraftWhoseRulesFireWithoutEndNamingTheRule() {
        long start = System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("files", Map.of("hostile.drl", selfFeeding(""))))
                .post("/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("scenarios.find { !it.passed }.failures[0]", containsString(LOOPING_RULE))
                .body("scenarios.find { !it.passed }.failures[0]", containsString("max-firings"));
        assertFaster(start);
    }

    @Test
    void shouldRefuseHostileFilesInTheWatchedFolderAndStillActivateAValidChangeAfterwards() {
        String before = current().getString("version");
        for (String hostile : List.of(drl("rule \"死循环\"\nwhen\n    Profile()\nthen\n    while (true) { }\nend\n"),
                selfFeeding(""))) {
            Instant saved = Instant.now();
            save(Map.of("hostile.drl", hostile));
            JsonPath state = await("the hostile file to be refused", s -> s.getString("lastRejected.at") != null
                    && Instant.parse(s.getString("lastRejected.at")).isAfter(saved));
            assertEquals(before, state.getString("version"));
            assertTrue(state.getString("lastRejected").contains("hostile.drl")
                    || state.getString("lastRejected").contains(LOOPING_RULE), state.prettify());
        }
        Users.anonymous().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Rules folder watcher' }.status", equalTo("UP"));

        try {
            Files.delete(RuleSetLifecycleTest.LIVE.resolve("hostile.drl"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        save(Map.of("parameters.yaml", ShippedRules.withParameter("reliantMinPurchases", "3").get("parameters.yaml")));
        JsonPath after = await("the valid change to be activated", s -> !s.getString("version").equals(before));
        assertNotEquals(before, after.getString("version"));
    }

    @Test
    void shouldStopALiveEvaluationWhoseRulesFireWithoutEndAndStoreNothing() {
        String before = current().getString("version");
        // Loops only for customers flagged loopMe: the folder's scenario passes, so the rules become active.
        save(Map.of("hostile.drl", selfFeeding("flag(\"loopMe\")")));
        await("the conditionally looping rules to be active", s -> !s.getString("version").equals(before));

        String id = newCustomerId();
        long start = System.nanoTime();
        postFacts(id, Map.of("attributes", Map.of("loopMe", true))).statusCode(422)
                .body("message", containsString("evaluation budget"))
                .body("problems.field", hasItem(LOOPING_RULE));
        assertFaster(start);
        customer(id).statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("loopMe", true)))
                .post("/evaluations").then().statusCode(422)
                .body("problems.field", hasItem(LOOPING_RULE));
        postFacts(newCustomerId(), Map.of("attributes", Map.of("inGroup", true))).statusCode(200);
    }

    private static void assertFaster(long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "answered after " + took);
    }
}
