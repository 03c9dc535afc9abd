package com.tierupgrade.customer;

import static com.tierupgrade.testing.Api.STAGE_AND_TIER;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.OpenApiContract.invalidRequest;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.RowCounts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The examples of default-rules.md over HTTP, with the reasons, rules and history each answer carries. */
@QuarkusTest
class DefaultRuleExamplesTest {

    @Test
    void shouldMakeRepeatBuyerReliantFollower() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200)
                .body("customerId", equalTo(id))
                .body("stage", equalTo("RELIANT"))
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack", empty())
                .body("reasons", contains("近90天购买 2 次(至少 2 次)", "已进入客户旅程(熟悉或更高阶段)"))
                .body("firedRules", hasItem("依靠:信赖且当前周期内复购"))
                .body("rulesetVersion", equalTo(given().get("/customers/{id}", id).path("decision.rulesetVersion")))
                .body(STAGE_AND_TIER + ".kind", contains("INITIAL", "INITIAL"))
                .body(STAGE_AND_TIER + ".dimension", contains("stage", "tier"))
                .body(STAGE_AND_TIER + ".to", contains("RELIANT", "FOLLOWER"))
                .body(STAGE_AND_TIER + "[0].cause", equalTo("NEW_FACTS"))
                .body(STAGE_AND_TIER + "[0].facts.attributes.addedWeCom", equalTo(true))
                .body(STAGE_AND_TIER + "[0].facts.events.id", hasItem("p1"));
    }

    @Test
    void shouldMakeWillingRepeatBuyerDistributor() {
        postFacts(newCustomerId(), repeatBuyer().with("distributorOptIn", true)).statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("tier", equalTo("DISTRIBUTOR"))
                .body("reasons", hasItem("已复购,且本人愿意分销"))
                .body("firedRules", hasItem("分销用户:复购且愿意分销"));
    }

    @Test
    void shouldHoldBackDistributorWhenRefused() {
        postFacts(newCustomerId(), repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true))
                .statusCode(200)
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack.tier", contains("DISTRIBUTOR"))
                .body("heldBack[0].reason", equalTo("用户明确拒绝分销,不硬推"))
                .body("heldBack[0].rule", equalTo("明确拒绝分销:不硬推"))
                .body(STAGE_AND_TIER + ".kind", contains("INITIAL", "INITIAL", "HELD_BACK"))
                .body(STAGE_AND_TIER + "[2].to", equalTo("DISTRIBUTOR"))
                .body(STAGE_AND_TIER + "[2].reasons", contains("用户明确拒绝分销,不硬推"))
                .body(STAGE_AND_TIER + "[2].rule", equalTo("明确拒绝分销:不硬推"));
    }

    @Test
    void shouldHoldBackHeavyConsumerWithOpenComplaint() {
        postFacts(newCustomerId(), facts().with("addedWeCom", true).purchases("p", 5, 300, 10)
                .event("c1", "COMPLAINT", 3, Map.of("resolved", false))).statusCode(200)
                .body("stage", equalTo("COGNIZANT"))
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack.tier", contains("HEAVY_CONSUMER"))
                .body("heldBack[0].reason", equalTo("问题用户:存在未解决的投诉或差评,暂停升级"));
    }

    @Test
    void shouldDowngradeWhenPurchasesLeaveThePeriod() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200).body("stage", equalTo("RELIANT"));
        postFacts(id, facts().daysLater(70)).statusCode(200)
                .body("stage", equalTo("TRUSTING"))
                .body(STAGE_AND_TIER + ".kind", contains("DOWNGRADE"))
                .body(STAGE_AND_TIER + "[0].dimension", equalTo("stage"))
                .body(STAGE_AND_TIER + "[0].from", equalTo("RELIANT"))
                .body(STAGE_AND_TIER + "[0].to", equalTo("TRUSTING"))
                .body(STAGE_AND_TIER + "[0].cause", equalTo("TIME"))
                .body(STAGE_AND_TIER + "[0].reasons", contains("不再满足「依靠」的条件", "近365天购买 2 次,且没有未解决的投诉"));
    }

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerDryRunWithoutStoringAnything() {
        Map<String, Long> before = RowCounts.of(dataSource);
        given().contentType(ContentType.JSON).body(repeatBuyer().json())
                .when().post("/evaluations")
                .then().statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("tier", equalTo("FOLLOWER"))
                .body("$", not(hasKey("history")));
        invalidRequest().contentType(ContentType.JSON).body(Map.of("events", Map.of()))
                .when().post("/evaluations")
                .then().statusCode(400).body("problems[0].field", equalTo("events"));
        assertEquals(before, RowCounts.of(dataSource));
    }
}
