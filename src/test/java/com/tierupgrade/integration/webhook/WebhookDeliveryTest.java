package com.tierupgrade.integration.webhook;

import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.OpenApiContract.invalidRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.FactsBody;
import com.tierupgrade.testing.WebhookReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Webhooks against a real HTTP receiver that fails, hangs and recovers on command (test profile: 4 tries, first
 * retry after 100 ms, timeout 2 s).
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "a-secret-of-sixteen-or-more";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private WebhookReceiver receiver;
    private final List<Long> subscriptions = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        subscriptions.forEach(id -> given().delete("/webhooks/{id}", id));
        receiver.close();
    }

    /** A customer who climbs the journey in four posts: several entries per post, of several dimensions. */
    private static List<FactsBody> climb() {
        Instant asOf = FactsBody.AS_OF;
        return List.of(
                facts().with("addedWeCom", true).asOf(asOf),
                facts().interactions("i", 3, 5).asOf(asOf.plusSeconds(60)),
                facts().purchases("p", 1, 300, 4).asOf(asOf.plusSeconds(120)),
                facts().purchases("q", 1, 300, 2).asOf(asOf.plusSeconds(180)));
    }

    private long subscribe(Map<String, Object> body) {
        Map<String, Object> request = new LinkedHashMap<>(body);
        request.putIfAbsent("url", receiver.url());
        request.putIfAbsent("secret", SECRET);
        long id = given().contentType(ContentType.JSON).body(request).post("/webhooks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        subscriptions.add(id);
        return id;
    }

    private static List<Long> entryIds(String customerId) {
        return history(customerId).statusCode(200).extract().jsonPath().getList("id", Long.class);
    }

    /**
     * The announcement ids the receiver accepted for the customer, in the order they first arrived: delivery is at
     * least once (a try that timed out may have reached the receiver), and receivers drop an id seen before.
     */
    private List<Long> acceptedIds(String customerId) {
        List<Long> ids = new ArrayList<>();
        for (WebhookReceiver.Received received : receiver.accepted()) {
            JsonNode announcement = read(received.body());
            long id = announcement.get("id").asLong();
            if (announcement.get("customerId").asText().equals(customerId) && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** What a receiver does (docs/integration.md): HMAC-SHA256 over "<timestamp>.<body>" with the secret. */
    private static boolean signatureValid(WebhookReceiver.Received received, String secret) throws Exception {
        String timestamp = received.header("X-Tierup-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
        long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
        return expected.equals(received.header("X-Tierup-Signature")) && age >= 0 && age < 300;
    }

    @Test
    void shouldDeliverEverythingInOrderPerCustomerAfterThreeFailures() throws Exception {
        long subscription = subscribe(Map.of());
        receiver.failNext(3);
        String first = newCustomerId();
        String second = newCustomerId();
        for (FactsBody body : climb()) {
            postFacts(first, body).statusCode(200);
            postFacts(second, body).statusCode(200);
        }
        List<Long> firstEntries = entryIds(first);
        List<Long> secondEntries = entryIds(second);
        assertTrue(firstEntries.size() >= 6, "entries: " + firstEntries);

        Eventually.await(LIMIT, () -> acceptedIds(first).equals(firstEntries)
                && acceptedIds(second).equals(secondEntries),
                () -> acceptedIds(first) + " / " + firstEntries + "; " + acceptedIds(second) + " / " + secondEntries);

        assertEquals(3, receiver.requests().stream().filter(r -> !r.accepted()).count());
        for (WebhookReceiver.Received received : receiver.accepted()) {
            assertTrue(signatureValid(received, SECRET), "signature of " + received.body());
            assertEquals(read(received.body()).get("id").asText(), received.header("X-Tierup-Announcement-Id"));
        }
        JsonNode announcement = read(receiver.accepted().stream()
                .filter(r -> read(r.body()).get("customerId").asText().equals(first)).findFirst().orElseThrow().body());
        assertEquals("NEW_FACTS", announcement.get("cause").asText());
        assertEquals(FactsBody.AS_OF.toString(), announcement.get("at").asText());
        assertTrue(announcement.has("action") && announcement.has("rulesetVersion") && announcement.has("reasons"),
                announcement.toString());

        given().get("/webhooks/{id}", subscription).then().statusCode(200)
                .body("status.pending", equalTo(0))
                .body("status.dead", equalTo(0))
                .body("status.lastError", startsWith("HTTP 503"))
                .body("secret", equalTo(null));
    }

    @Test
    void shouldMoveToDeadLettersAfterTheLastTryAndDeliverThemOnReplay() {
        receiver.fail();
        long subscription = subscribe(Map.of("dimensions", List.of("stage"), "kinds", List.of("INITIAL")));
        String customer = newCustomerId();
        postFacts(customer, facts().with("addedWeCom", true)).statusCode(200);
        long entry = given().get("/customers/{id}/history", customer).then().extract().jsonPath()
                .getLong("find { it.dimension == 'stage' }.id");

        Eventually.await(LIMIT, () -> given().get("/webhooks/{id}/deliveries?status=DEAD", subscription).then()
                .extract().jsonPath().getList("announcementId", Long.class).contains(entry),
                () -> given().get("/webhooks/{id}/deliveries", subscription).asString());
        given().get("/webhooks/{id}/deliveries?status=DEAD", subscription).then()
                .body("find { it.announcementId == " + entry + " }.attempts", equalTo(4))
                .body("find { it.announcementId == " + entry + " }.lastError", equalTo("HTTP 503: receiver unavailable"))
                .body("find { it.announcementId == " + entry + " }.customerId", equalTo(customer));
        assertEquals(4, receiver.requests().stream().filter(r -> r.body().contains(customer)).count(),
                "tries of a dead letter");
        given().get("/webhooks").then().statusCode(200)
                .body("find { it.id == " + subscription + " }.status.lastError", equalTo("HTTP 503: receiver unavailable"));

        receiver.accept();
        int dead = given().get("/webhooks/{id}", subscription).then().extract().path("status.dead");
        assertTrue(dead >= 1);
        given().post("/webhooks/{id}/replay", subscription).then().statusCode(200).body("replayed", equalTo(dead));
        Eventually.await(LIMIT, () -> acceptedIds(customer).equals(List.of(entry)), () -> acceptedIds(customer).toString());
        Eventually.await(LIMIT, () -> given().get("/webhooks/{id}", subscription).then().extract()
                .<Integer>path("status.dead") == 0, () -> given().get("/webhooks/{id}", subscription).asString());
    }

    @Test
    void shouldNotSlowPostsWhileTheReceiverHangs() {
        receiver.hang(10_000);
        long subscription = subscribe(Map.of());
        String customer = newCustomerId();
        long slowest = 0;
        int posts = 0;
        for (FactsBody body : climb()) {
            long start = System.nanoTime();
            postFacts(customer, body).statusCode(200);
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            posts++;
        }
        // Deliveries are being tried meanwhile and time out after 2 s: a post that waited for one would take longer.
        assertTrue(slowest < 2_000, "slowest of " + posts + " posts: " + slowest + " ms");
        Eventually.await(LIMIT, () -> "no answer within 2000 ms".equals(given().get("/webhooks/{id}", subscription)
                .then().extract().path("status.lastError")), () -> given().get("/webhooks/{id}", subscription).asString());
        receiver.accept();
        List<Long> entries = entryIds(customer);
        Eventually.await(LIMIT, () -> acceptedIds(customer).containsAll(entries), () -> acceptedIds(customer) + " / " + entries);
    }

    @Test
    void shouldDeliverOnlyWhatTheSubscriptionAsksFor() {
        subscribe(Map.of("dimensions", List.of("tier"), "values", List.of("FOLLOWER")));
        String customer = newCustomerId();
        for (FactsBody body : climb()) {
            postFacts(customer, body).statusCode(200);
        }
        List<Long> wanted = history(customer).extract().jsonPath()
                .getList("findAll { it.dimension == 'tier' && (it.to == 'FOLLOWER' || it.from == 'FOLLOWER') }.id", Long.class);
        assertTrue(!wanted.isEmpty());
        Eventually.await(LIMIT, () -> acceptedIds(customer).equals(wanted), () -> acceptedIds(customer) + " / " + wanted);
    }

    @Test
    void shouldRefuseInvalidSubscriptionsNamingEachField() {
        invalidRequest().contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://x", "secret", "short", "dimensions", List.of("stage", "colour"),
                        "kinds", List.of("UPGRADE", "PROMOTED"), "values", List.of("RELIANT", "PURPLE")))
                .post("/webhooks").then().statusCode(400)
                .body("problems.field", equalTo(List.of("url", "secret", "dimensions[1]", "kinds[1]", "values[1]")));
        invalidRequest().contentType(ContentType.JSON).body("{}").post("/webhooks").then().statusCode(400)
                .body("problems.field", equalTo(List.of("url")));
        given().get("/webhooks/987654321").then().statusCode(404);
        given().post("/webhooks/987654321/replay").then().statusCode(404);
        given().get("/webhooks/987654321/deliveries").then().statusCode(404);

        long id = given().contentType(ContentType.JSON).body(Map.of("url", receiver.url())).post("/webhooks")
                .then().statusCode(201).body("secret.length()", equalTo(64)).extract().jsonPath().getLong("id");
        subscriptions.add(id);
        given().get("/webhooks/{id}/deliveries?status=LOST", id).then().statusCode(400)
                .body("problems.field", equalTo(List.of("status")));
        given().post("/webhooks/{id}/deliveries/987654321/replay", id).then().statusCode(404);
        given().delete("/webhooks/{id}", id).then().statusCode(204);
        given().get("/webhooks/{id}", id).then().statusCode(404);
    }
}
