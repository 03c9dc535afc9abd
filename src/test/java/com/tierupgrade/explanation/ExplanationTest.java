package com.tierupgrade.explanation;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.OpenApiContract.invalidRequest;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** GET /customers/{id}/explanation and GET /history/{entryId}/explanation over HTTP. */
@QuarkusTest
class ExplanationTest {

    @Test
    void shouldExplainHeldBackDistributorInChinese() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true)).statusCode(200);
        String version = given().get("/customers/{id}", id).path("decision.rulesetVersion");

        String text = given().get("/customers/{id}/explanation", id).then().statusCode(200)
                .body("customerId", equalTo(id))
                .body("entryId", equalTo(null))
                .body("asOf", equalTo("2026-03-01T12:00:00Z"))
                .body("rulesetVersion", equalTo(version))
                .body("cause", equalTo("NEW_FACTS"))
                .body("summary", equalTo("客户 " + id + " 当前处于「依靠」阶段、「跟从用户」层级。"))
                .body("sentences.find { it.topic == 'HELD_BACK' }.text",
                        equalTo("「分销用户」被暂缓:用户明确拒绝分销,不硬推(规则「明确拒绝分销:不硬推」)。"))
                .body("sentences.find { it.dimension == 'stage' && it.topic == 'DIMENSION' }.text",
                        equalTo("阶段「依靠」:近90天购买 2 次(至少 2 次)。"))
                .body("sentences.find { it.topic == 'MEASURES' }.text", containsString("近90天购买次数 2 次"))
                .body("sentences.find { it.topic == 'MEASURES' }.text", containsString("近90天消费金额 600 元"))
                .body("sentences.find { it.topic == 'CONTEXT' }.text", equalTo("评估时间 2026-03-01 12:00:00 UTC,规则集版本 "
                        + version + ",起因:收到新的或更正的事实。"))
                .extract().path("text");

        // Every dimension the customer has a value in (single-valued or roles) is told, with its display name.
        Map<String, Object> dimensions = given().get("/customers/{id}", id).path("decision.dimensions");
        Map<String, Object> roles = given().get("/customers/{id}", id).path("decision.roles");
        java.util.Set<String> held = new java.util.TreeSet<>(dimensions.keySet());
        held.addAll(roles.keySet());
        List<String> told = given().get("/customers/{id}/explanation", id)
                .path("sentences.findAll { it.topic == 'DIMENSION' }.dimension");
        assertEquals(held, new java.util.TreeSet<>(told));
        given().get("/customers/{id}/explanation", id).then()
                .body("sentences.find { it.dimension == 'rfm' }.text", startsWith("RFM 分群「"))
                .body("sentences.find { it.dimension == 'tier' && it.topic == 'DIMENSION' }.text",
                        startsWith("层级「跟从用户」:"));

        given().accept("text/plain").get("/customers/{id}/explanation", id).then().statusCode(200)
                .contentType(containsString("text/plain")).body(equalTo(text));

        Integer entryId = given().queryParam("customer", id).queryParam("kind", "HELD_BACK").get("/history")
                .path("entries[0].id");
        given().get("/history/{entry}/explanation", entryId).then().statusCode(200)
                .body("entryId", equalTo(entryId))
                .body("summary", equalTo("客户 " + id + " 于 2026-03-01 12:00:00 UTC 已满足「分销用户」的条件,但升级被暂缓,"
                        + "层级仍为「跟从用户」。"))
                .body("text", containsString("「分销用户」被暂缓:用户明确拒绝分销,不硬推(规则「明确拒绝分销:不硬推」)。"))
                .body("sentences.find { it.topic == 'RULES' }.text", containsString("「明确拒绝分销:不硬推」"));
    }

    @Test
    void shouldExplainDowngradeAfterTimeMoved() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        postFacts(id, facts().daysLater(100)).statusCode(200);
        Integer entryId = given().queryParam("customer", id).queryParam("kind", "DOWNGRADE")
                .queryParam("dimension", "stage").get("/history").path("entries[0].id");
        given().get("/history/{entry}/explanation", entryId).then().statusCode(200)
                .body("summary", equalTo("客户 " + id + " 于 2026-06-09 12:00:00 UTC 的阶段由「依靠」降级为「信赖」。"))
                .body("sentences.find { it.topic == 'REASONS' }.text", startsWith("原因:不再满足「依靠」的条件;"))
                .body("text", containsString("起因:时间推移后重新评估(时间窗口移动)。"));
        given().get("/customers/{id}/explanation", id).then().statusCode(200)
                .body("summary", equalTo("客户 " + id + " 当前处于「信赖」阶段、「跟从用户」层级。"))
                .body("cause", equalTo("TIME"));
    }

    @Test
    void shouldExplainDriftWarning() {
        String id = newCustomerId();
        // Seed 002's quadrant: visits × contribution; three visits each time keep the frequency high.
        postFacts(id, facts().purchases("p", 2, 400, 10).event("v1", "VISIT", 1, Map.of())
                .event("v2", "VISIT", 2, Map.of()).event("v3", "VISIT", 3, Map.of())).statusCode(200);
        postFacts(id, facts().purchases("q", 2, 100, -75).event("w1", "VISIT", -75, Map.of())
                .event("w2", "VISIT", -76, Map.of()).event("w3", "VISIT", -77, Map.of()).daysLater(85)).statusCode(200)
                .body("warnings.code", hasItem("DRIFT_TO_LOW_LOW"));
        Integer entryId = given().queryParam("customer", id).queryParam("kind", "WARNING").get("/history")
                .path("entries[0].id");
        given().get("/history/{entry}/explanation", entryId).then().statusCode(200)
                .body("summary", containsString("在频次×价值象限上收到预警 DRIFT_TO_LOW_LOW,当前为「高频低价」"))
                .body("sentences.find { it.topic == 'WARNING' }.text",
                        equalTo("预警:价值象限下滑:由「高频高价」变为「高频低价」,正向低频低价移动(规则「象限下滑预警:变为高频低价」)。"))
                .body("sentences.find { it.topic == 'MEASURES' }.text", containsString("近90天客单价"));
        given().get("/customers/{id}/explanation", id).then().statusCode(200)
                .body("sentences.find { it.topic == 'WARNING' }.dimension", equalTo("quadrant"));
    }

    @Test
    void shouldAnswer404ForUnknownEntryOrCustomer() {
        given().get("/history/{entry}/explanation", 999_999_999_999L).then().statusCode(404)
                .body("message", containsString("999999999999"));
        invalidRequest().get("/history/{entry}/explanation", "abc").then().statusCode(404);
        String id = newCustomerId();
        given().get("/customers/{id}/explanation", id).then().statusCode(404).body("message", containsString(id));
    }
}
