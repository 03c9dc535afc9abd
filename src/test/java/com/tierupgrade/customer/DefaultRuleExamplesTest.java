package com.tierupgrade.customer;

import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.FactsBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The examples of docs/default-rules.md, posted over HTTP against the rules in rules/. */
@QuarkusTest
class DefaultRuleExamplesTest {

    static ValidatableResponse post(String customerId, FactsBody body) {
        return given().contentType(ContentType.JSON).body(body.json())
                .when().post("/customers/{id}/facts", customerId)
                .then().statusCode(200);
    }

    static FactsBody repeatBuyer() {
        return facts().with("addedWeCom", true).interactions("i", 4, 1).purchases("p", 2, 300, 30);
    }

    @Test
    void shouldMakeRepeatBuyerReliantFollower() {
        String id = newCustomerId();
        post(id, repeatBuyer())
                .body("customerId", equalTo(id))
                .body("stage", equalTo("RELIANT"))
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack", empty())
                .body("reasons", hasItem("近90天购买 2 次(至少 2 次)"))
                .body("firedRules", hasItem("依靠:信赖且当前周期内复购"))
                .body("history.kind", contains("INITIAL", "INITIAL"))
                .body("history.dimension", contains("STAGE", "TIER"));
    }

    @Test
    void shouldMakeWillingRepeatBuyerDistributor() {
        post(newCustomerId(), repeatBuyer().with("distributorOptIn", true))
                .body("stage", equalTo("RELIANT"))
                .body("tier", equalTo("DISTRIBUTOR"))
                .body("reasons", hasItem("已复购,且本人愿意分销"));
    }

    @Test
    void shouldHoldBackDistributorWhenRefused() {
        post(newCustomerId(), repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true))
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack.tier", contains("DISTRIBUTOR"))
                .body("heldBack[0].reason", equalTo("用户明确拒绝分销,不硬推"))
                .body("heldBack[0].rule", equalTo("明确拒绝分销:不硬推"))
                .body("history.kind", contains("INITIAL", "INITIAL", "HELD_BACK"));
    }

    @Test
    void shouldHoldBackHeavyConsumerWithOpenComplaint() {
        post(newCustomerId(), facts().with("addedWeCom", true).purchases("p", 5, 300, 10)
                .event("c1", "COMPLAINT", 3, java.util.Map.of("resolved", false)))
                .body("stage", equalTo("FAMILIAR"))
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack.tier", contains("HEAVY_CONSUMER"))
                .body("heldBack[0].reason", equalTo("问题用户:存在未解决的投诉或差评,暂停升级"));
    }

    @Test
    void shouldDowngradeWhenPurchasesLeaveThePeriod() {
        String id = newCustomerId();
        post(id, repeatBuyer()).body("stage", equalTo("RELIANT"));
        post(id, facts().daysLater(70))
                .body("stage", equalTo("TRUSTING"))
                .body("history[0].kind", equalTo("DOWNGRADE"))
                .body("history[0].from", equalTo("RELIANT"))
                .body("history[0].to", equalTo("TRUSTING"))
                .body("history[0].cause", equalTo("TIME"))
                .body("history[0].reasons[0]", equalTo("不再满足「依靠」的条件"));
    }

    @Test
    void shouldAnswer404ForUnknownCustomer() {
        given().when().get("/customers/{id}", newCustomerId()).then().statusCode(404)
                .body("status", equalTo(404)).body("message", org.hamcrest.Matchers.containsString("No customer"));
        given().when().get("/customers/{id}/history", newCustomerId()).then().statusCode(404);
    }

    @Test
    void shouldNotStoreDryRun() {
        given().contentType(ContentType.JSON).body(repeatBuyer().json())
                .when().post("/evaluations")
                .then().statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("history", nullValue());
    }
}
