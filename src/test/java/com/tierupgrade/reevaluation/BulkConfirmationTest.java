package com.tierupgrade.reevaluation;

import static com.tierupgrade.testing.Api.customer;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.Users.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.FactsBody;
import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A rule-set change that would move down more than the allowed share of 重度消费用户 is activated for new facts, but
 * the bulk re-evaluation of stored customers waits for a person, who sees the what-if counts first.
 */
@QuarkusTest
@TestProfile(BulkConfirmationTest.GatedLiveRules.class)
class BulkConfirmationTest {

    static final Path LIVE = Path.of("target", "bulk-live-rules");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String BASIC_SCENARIO = """
            - name: 只进群的客户是熟悉阶段的跟从用户
              asOf: 2026-03-01T12:00:00Z
              attributes: {inGroup: true}
              expect: {stage: FAMILIAR, tier: FOLLOWER}
            """;

    public static class GatedLiveRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            reset(ShippedRules.files());
            return Map.of("tierup.rules.directory", LIVE.toString(), "tierup.rules.watch", "true",
                    "tierup.bulk.max-downgrade-share", "0.25", "tierup.bulk.min-holders", "3");
        }
    }

    static void reset(Map<String, String> ruleFiles) {
        try {
            if (Files.exists(LIVE)) {
                try (Stream<Path> paths = Files.walk(LIVE)) {
                    for (Path path : paths.filter(Files::isRegularFile).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(LIVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> files = new java.util.TreeMap<>(ruleFiles);
        files.put("scenarios/basic.yaml", BASIC_SCENARIO);
        ShippedRules.writeTo(LIVE, files);
    }

    /** 5 purchases of 300 in the current period: 重度消费用户 by spend and by count. */
    private static FactsBody heavyConsumer() {
        return facts().with("addedWeCom", true).purchases("p", 5, 300, 10);
    }

    private static String activeVersion() {
        return given().get("/rulesets/current").then().statusCode(200).extract().jsonPath().getString("version");
    }

    /**
     * The database is shared with every other test: a request left pending (by a failure half-way) would make
     * POST /reevaluations answer 409 everywhere, so none is left behind.
     */
    @BeforeEach
    @AfterEach
    void dismissAnythingPending() {
        given().get("/reevaluations/confirmations").then().statusCode(200).extract().jsonPath()
                .<Integer>getList("findAll { it.state == 'PENDING' }.id")
                .forEach(pending -> as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("reason", "测试清理"))
                        .post("/reevaluations/confirmations/{id}/dismiss", pending).then().statusCode(200));
    }

    @Test
    void shouldWaitForAPersonBeforeDowngradingHeavyConsumersInBulk() {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = newCustomerId();
            postFacts(id, heavyConsumer()).statusCode(200).body("tier", equalTo("HEAVY_CONSUMER"));
            stored.add(id);
        }
        Map<String, String> changed = ShippedRules.withParameter("heavyConsumerMinSpend", "1000000");
        changed.putAll(Map.of("parameters.yaml", changed.get("parameters.yaml")
                .replaceFirst("(?m)^heavyConsumerMinPurchases:.*$", "heavyConsumerMinPurchases: 1000")));
        String version = RuleSetCompiler.versionOf(changed);
        reset(changed);
        Eventually.await(PATIENCE, () -> activeVersion().equals(version), () -> "active " + activeVersion());

        // The request is recorded with its what-if counts before anything happens to stored customers.
        JsonPath confirmations = given().get("/reevaluations/confirmations").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(version, confirmations.getString("[0].rulesetVersion"), confirmations.prettify());
        assertEquals("PENDING", confirmations.getString("[0].state"));
        assertEquals(version, confirmations.getString("[0].rulesetVersion"));
        Map<String, Object> heavy = confirmations.getMap("[0].whatIf.find { it.value == 'HEAVY_CONSUMER' }");
        assertTrue((Boolean) heavy.get("overThreshold"), heavy.toString());
        assertTrue(((Number) heavy.get("downgraded")).longValue() >= 4, heavy.toString());
        assertTrue(((Number) heavy.get("share")).doubleValue() > 0.25, heavy.toString());
        long id = confirmations.getLong("[0].id");

        // New facts are evaluated with the new rules at once; stored customers keep their decisions.
        postFacts(newCustomerId(), heavyConsumer()).statusCode(200).body("tier", not(equalTo("HEAVY_CONSUMER")));
        stored.forEach(customerId -> customer(customerId).statusCode(200)
                .body("decision.tier", equalTo("HEAVY_CONSUMER"))
                .body("decision.rulesetVersion", not(equalTo(version))));
        given().post("/reevaluations").then().statusCode(409);

        as(Users.AUDITOR).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/reevaluations/confirmations/{id}/confirm", id).then().statusCode(403);
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("reason", "门槛调整已与运营确认"))
                .post("/reevaluations/confirmations/{id}/confirm", id).then().statusCode(200)
                .body("state", equalTo("CONFIRMED"))
                .body("decidedBy", equalTo("editor"))
                .body("reason", equalTo("门槛调整已与运营确认"));
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of())
                .post("/reevaluations/confirmations/{id}/confirm", id).then().statusCode(409);

        // Confirmed: the stored customers are re-evaluated with the new rules (the grace period of the tier policy
        // still keeps their tier for now, and the decision says what the rules say).
        for (String customerId : stored) {
            Eventually.await(PATIENCE, () -> version.equals(customer(customerId).extract().jsonPath()
                    .getString("decision.rulesetVersion")), () -> "customer " + customerId + " re-evaluated");
            customer(customerId).statusCode(200)
                    .body("decision.dimensions.tier.rulesSay", not(equalTo("HEAVY_CONSUMER")))
                    .body("decision.dimensions.tier.keptBy", equalTo("GRACE"));
        }
        reset(ShippedRules.files());
    }

    @Test
    void shouldWaitForAPersonWhenAPublishedDraftWouldDowngradeTooMany() {
        // The other test ends by writing the shipped rules back to the folder; the watcher imports them shortly.
        String shipped = RuleSetCompiler.versionOf(ShippedRules.files());
        Eventually.await(PATIENCE, () -> activeVersion().equals(shipped), () -> "active " + activeVersion());
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = newCustomerId();
            postFacts(id, heavyConsumer()).statusCode(200).body("tier", equalTo("HEAVY_CONSUMER"));
            stored.add(id);
        }
        String before = activeVersion();
        String parameters = ShippedRules.withParameter("heavyConsumerMinSpend", "1000000").get("parameters.yaml")
                .replaceFirst("(?m)^heavyConsumerMinPurchases:.*$", "heavyConsumerMinPurchases: 1000");
        long draft = as(Users.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("title", "重度消费门槛提高", "files", Map.of("parameters.yaml", parameters)))
                .post("/rulesets/drafts").then().statusCode(201).extract().jsonPath().getLong("id");
        String version = as(Users.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("revision", 1, "comment", "活动结束,门槛提高"))
                .post("/rulesets/drafts/{id}/publish", draft).then().statusCode(200).extract().path("version");

        // Published and serving new facts, but the bulk re-evaluation waits for a person, as for the folder.
        assertEquals(version, activeVersion());
        JsonPath confirmations = given().get("/reevaluations/confirmations").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(version, confirmations.getString("[0].rulesetVersion"), confirmations.prettify());
        assertEquals(before, confirmations.getString("[0].previousVersion"));
        assertEquals("PENDING", confirmations.getString("[0].state"));
        stored.forEach(customerId -> customer(customerId).statusCode(200)
                .body("decision.tier", equalTo("HEAVY_CONSUMER"))
                .body("decision.rulesetVersion", not(equalTo(version))));

        // Rolling back supersedes the request nobody decided.
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("comment", "改回"))
                .post("/rulesets/{version}/rollback", before).then().statusCode(200);
        assertEquals("SUPERSEDED", given().get("/reevaluations/confirmations").then().statusCode(200).extract()
                .jsonPath().getString("find { it.id == %d }.state".formatted(confirmations.getLong("[0].id"))));
    }
}
