package com.tierupgrade.manual;

import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static com.tierupgrade.testing.Users.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Floors, pins and holds set by people over the rules, over HTTP (docs/manual-decisions.md). */
@QuarkusTest
class ManualDecisionsTest {

    private static ValidatableResponse decide(String customerId, Map<String, Object> body) {
        return as(Users.EDITOR).contentType(ContentType.JSON).body(body)
                .when().post("/customers/{id}/manual-decisions", customerId).then();
    }

    private static ValidatableResponse release(String customerId, String dimension, String kind, String reason) {
        return as(Users.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("dimension", dimension, "kind", kind, "reason", reason))
                .when().post("/customers/{id}/manual-decisions/release", customerId).then();
    }

    private static Map<String, Object> body(String dimension, String kind, String value, String reason,
            Instant expiresAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("dimension", dimension);
        body.put("kind", kind);
        body.put("value", value);
        body.put("reason", reason);
        body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        return body;
    }

    @Test
    void shouldPutAPinAboveTheRulesShowBothAndDropItWhenItExpires() throws InterruptedException {
        String id = newCustomerId();
        postFacts(id, repeatBuyer().withoutAsOf()).statusCode(200).body("tier", equalTo("FOLLOWER"));
        Instant expiry = Instant.now().plusSeconds(20);

        decide(id, body("tier", "PIN", "铁杆粉丝", "年度大会的嘉宾", expiry)).statusCode(200)
                .body("tier", equalTo("DIE_HARD_FAN"))
                .body("dimensions.tier.rulesSay", equalTo("FOLLOWER"))
                .body("dimensions.tier.keptBy", equalTo("PIN"))
                .body("dimensions.tier.reasons[0]", containsString("按 editor 的人工决定固定为「铁杆粉丝」"))
                .body("dimensions.tier.reasons[0]", containsString("年度大会的嘉宾"))
                .body("manual.kind", contains("PIN"))
                .body("history.kind", contains("OVERRIDE", "UPGRADE"))
                .body("history[0].author", equalTo("editor"))
                .body("history[0].manual", equalTo("PIN"))
                .body("history[0].reasons", hasItem("年度大会的嘉宾"))
                .body("history[0].expiresAt", equalTo(expiry.toString()))
                .body("history[1].cause", equalTo("MANUAL"));

        // New facts before the expiry: the pin still outranks the rules.
        postFacts(id, facts().with("region", "上海").withoutAsOf()).statusCode(200)
                .body("tier", equalTo("DIE_HARD_FAN"));
        Thread.sleep(Duration.between(Instant.now(), expiry).toMillis() + 200);

        // The next evaluation after the expiry drops it and records the expiry (no author).
        postFacts(id, facts().with("region", "北京").withoutAsOf()).statusCode(200)
                .body("tier", equalTo("FOLLOWER"))
                .body("dimensions.tier.keptBy", nullValue())
                .body("manual", hasSize(0))
                .body("history.findAll { it.dimension == 'tier' }.kind", hasItems("RELEASE", "DOWNGRADE"))
                .body("history.find { it.kind == 'RELEASE' }.author", nullValue())
                .body("history.find { it.kind == 'RELEASE' }.reasons[0]", containsString("到期"));
    }

    @Test
    void shouldHoldAnUpgradeTheRulesGrantUntilItIsReleased() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200).body("tier", equalTo("FOLLOWER"));
        decide(id, body("tier", "HOLD", "DISTRIBUTOR", "调查中:疑似刷单", null)).statusCode(200)
                .body("tier", equalTo("FOLLOWER"))
                .body("history.kind", contains("HOLD"))
                .body("history[0].author", equalTo("editor"));

        postFacts(id, facts().with("distributorOptIn", true)).statusCode(200)
                .body("tier", equalTo("FOLLOWER"))
                .body("dimensions.tier.rulesSay", equalTo("DISTRIBUTOR"))
                .body("dimensions.tier.keptBy", equalTo("HOLD"))
                .body("dimensions.tier.reasons[0]", containsString("调查中:疑似刷单"))
                .body("history.findAll { it.dimension == 'tier' }", hasSize(0));

        release(id, "tier", "HOLD", "调查结束,没有问题").statusCode(200)
                .body("tier", equalTo("DISTRIBUTOR"))
                .body("history.kind", contains("RELEASE", "UPGRADE"))
                .body("history[0].author", equalTo("editor"))
                .body("history[0].reasons", hasItem("调查结束,没有问题"));
        release(id, "tier", "HOLD", "再解除一次").statusCode(409);
    }

    @Test
    void shouldKeepAFloorOnlyWhenTheRulesGiveLess() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200).body("tier", equalTo("FOLLOWER"));
        decide(id, body("tier", "FLOOR", "DIE_HARD_FAN", "补偿:物流事故", Instant.now().plus(Duration.ofDays(200))))
                .statusCode(200).body("tier", equalTo("DIE_HARD_FAN")).body("dimensions.tier.keptBy", equalTo("FLOOR"));
        postFacts(id, facts().with("distributorOptIn", true)).statusCode(200)
                .body("tier", equalTo("DISTRIBUTOR")).body("dimensions.tier.keptBy", nullValue());
    }

    @Test
    void shouldRefuseWrongManualDecisionsNamingTheProblemAndStoreNothing() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        int entries = history(id).statusCode(200).extract().jsonPath().getList("$").size();
        Instant future = Instant.now().plus(Duration.ofDays(30));

        decide(id, body("loyalty", "PIN", "X", "r", future)).statusCode(400)
                .body("problems.field", hasItem("dimension"));
        decide(id, body("tier", "PIN", "SUPER_HERO", "r", future)).statusCode(400)
                .body("problems.field", hasItem("value"));
        decide(id, body("tier", "PIN", "DISTRIBUTOR", "r", Instant.now().minusSeconds(60))).statusCode(400)
                .body("problems.find { it.field == 'expiresAt' }.message", equalTo("must be in the future"));
        decide(id, body("tier", "FLOOR", "DISTRIBUTOR", "r", null)).statusCode(400)
                .body("problems.field", hasItem("expiresAt"));
        decide(id, body("tier", "PIN", "DISTRIBUTOR", " ", future)).statusCode(400)
                .body("problems.field", hasItem("reason"));
        decide(id, body("rfm", "FLOOR", "IMPORTANT_VALUE", "r", future)).statusCode(400)
                .body("problems.find { it.field == 'kind' }.message", containsString("ordered dimension"));
        decide(id, body("tier", "CROWN", "DISTRIBUTOR", "r", future)).statusCode(400)
                .body("problems.field", hasItem("kind"));
        decide(newCustomerId(), body("tier", "PIN", "DISTRIBUTOR", "r", future)).statusCode(404);
        as(Users.AUDITOR).contentType(ContentType.JSON).body(body("tier", "PIN", "DISTRIBUTOR", "r", future))
                .when().post("/customers/{id}/manual-decisions", id).then().statusCode(403);

        assertEquals(entries, history(id).statusCode(200).extract().jsonPath().getList("$").size());
        // A pin on an unordered dimension is allowed.
        decide(id, body("rfm", "PIN", "IMPORTANT_VALUE", "人工核实", future)).statusCode(200)
                .body("dimensions.rfm.code", equalTo("IMPORTANT_VALUE"));
    }

    @Test
    void shouldListEveryManualActionWithItsAuthorInTheHistory() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        String reason = "审计用原因 " + id;
        decide(id, body("tier", "HOLD", "DISTRIBUTOR", reason, null)).statusCode(200);
        release(id, "tier", "HOLD", reason).statusCode(200);

        given().queryParam("kind", "MANUAL").queryParam("customer", id).when().get("/history").then()
                .statusCode(200)
                .body("entries.kind", contains("HOLD", "RELEASE"))
                .body("entries.author", contains("editor", "editor"));
        given().queryParam("author", "editor").queryParam("reason", reason).when().get("/history").then()
                .statusCode(200).body("entries.customerId", contains(id, id));
        given().queryParam("kind", "MANUALLY").when().get("/history").then().statusCode(400);
        given().accept("text/plain").when().get("/history/{entry}/explanation",
                given().queryParam("kind", "HOLD").queryParam("customer", id).get("/history").jsonPath()
                        .getLong("entries[0].id"))
                .then().statusCode(200).body(containsString("人工暂缓"));
        given().accept("text/plain").when().get("/customers/{id}/explanation", id).then().statusCode(200);
    }
}
