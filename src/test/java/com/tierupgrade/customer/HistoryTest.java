package com.tierupgrade.customer;

import static com.tierupgrade.testing.Api.ROOT_STAGE_AND_TIER;
import static com.tierupgrade.testing.Api.STAGE_AND_TIER;
import static com.tierupgrade.testing.Api.customer;
import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.OpenApiContract.invalidRequest;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.FactsBody;

import io.quarkus.test.junit.QuarkusTest;

/** What the tier history records, and what it leaves out. */
@QuarkusTest
class HistoryTest {

    private static final String PROBLEM = "问题用户:存在未解决的投诉或差评,暂停升级";

    private static FactsBody heavyBuyerWithComplaint(boolean resolved) {
        return facts().with("addedWeCom", true).purchases("p", 5, 300, 10)
                .event("c1", "COMPLAINT", 3, Map.of("resolved", resolved));
    }

    @Test
    void shouldUpgradeWithReasonWhenComplaintIsResolved() {
        String id = newCustomerId();
        postFacts(id, heavyBuyerWithComplaint(false)).statusCode(200)
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack.tier", contains("HEAVY_CONSUMER"));

        postFacts(id, facts().event("c1", "COMPLAINT", 3, Map.of("resolved", true))).statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("tier", equalTo("HEAVY_CONSUMER"))
                .body("heldBack", empty())
                .body(STAGE_AND_TIER + ".kind", contains("UPGRADE", "UPGRADE"))
                .body(STAGE_AND_TIER + "[1].from", equalTo("FOLLOWER"))
                .body(STAGE_AND_TIER + "[1].to", equalTo("HEAVY_CONSUMER"))
                .body(STAGE_AND_TIER + "[1].cause", equalTo("NEW_FACTS"))
                .body(STAGE_AND_TIER + "[1].reasons", hasItem("此前的暂缓原因已解除:" + PROBLEM));

        customer(id).statusCode(200).body("events", hasSize(6))
                .body("events.find { it.id == 'c1' }.resolved", equalTo(true));
        history(id).statusCode(200).body(ROOT_STAGE_AND_TIER + ".kind", contains("INITIAL", "INITIAL", "HELD_BACK", "UPGRADE", "UPGRADE"));
    }

    @Test
    void shouldRecordHoldOnlyWhenItStartsOrItsReasonChanges() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true))
                .statusCode(200).body(STAGE_AND_TIER + ".kind", contains("INITIAL", "INITIAL", "HELD_BACK"));

        postFacts(id, facts().interactions("more", 2, 2)).statusCode(200)
                .body("heldBack.tier", contains("DISTRIBUTOR"))
                .body("history", empty());

        postFacts(id, facts().event("bad", "REVIEW", 1, Map.of("rating", 1))).statusCode(200)
                .body("heldBack.reason", containsInAnyOrder("用户明确拒绝分销,不硬推", PROBLEM))
                .body(STAGE_AND_TIER + ".kind", contains("HELD_BACK"))
                .body(STAGE_AND_TIER + "[0].reasons", contains(PROBLEM))
                .body(STAGE_AND_TIER + "[0].rule", equalTo("问题用户:存在未解决的投诉或差评,暂停升级"))
                // Which problem it is: the buyer group (seed 000: 问题用户) records it.
                .body("history.find { it.dimension == 'buyerGroup' }.to", equalTo("PROBLEM"))
                .body("history.find { it.dimension == 'buyerGroup' }.rule", nullValue())
                .body("history.find { it.dimension == 'buyerGroup' }.reasons[0]",
                        equalTo("问题用户:近180天给出 2 星及以下差评,之后没有退款"));
    }

    /**
     * An open complaint ends TRUSTING, so the distributor condition (RELIANT) no longer holds at all: the stage drops
     * at once; the tier is kept through its grace period (ladders.yaml policy), then drops one rung, the entry giving
     * both reasons.
     */
    @Test
    void shouldDowngradeDistributorWhoComplainsAfterTheGracePeriod() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer().with("distributorOptIn", true)).statusCode(200).body("tier", equalTo("DISTRIBUTOR"));
        postFacts(id, facts().event("c1", "COMPLAINT", 1, Map.of("resolved", false))).statusCode(200)
                .body("stage", equalTo("COGNIZANT"))
                .body("tier", equalTo("DISTRIBUTOR"))
                .body("dimensions.tier.rulesSay", equalTo("FOLLOWER"))
                .body("dimensions.tier.keptBy", equalTo("GRACE"))
                .body(STAGE_AND_TIER + ".kind", contains("DOWNGRADE"))
                .body(STAGE_AND_TIER + "[0].reasons[0]", equalTo("不再满足「依靠」的条件"));
        postFacts(id, facts().daysLater(31)).statusCode(200)
                .body("tier", equalTo("HEAVY_CONSUMER"))
                .body("history.find { it.dimension == 'tier' }.kind", equalTo("DOWNGRADE"))
                .body("history.find { it.dimension == 'tier' }.reasons[0]", equalTo("不再满足「分销用户」的条件"))
                .body("history.find { it.dimension == 'tier' }.reasons[1]", containsString("宽限期 30 天已于"));
    }

    @Test
    void shouldPageThroughHistoryOldestFirst() {
        String id = newCustomerId();
        postFacts(id, facts().with("addedWeCom", true)).statusCode(200);
        postFacts(id, facts().interactions("i", 3, 1)).statusCode(200);
        postFacts(id, facts().purchases("p", 2, 300, 5)).statusCode(200);
        List<Integer> all = history(id).statusCode(200)
                .body(ROOT_STAGE_AND_TIER + ".to", contains("FAMILIAR", "FOLLOWER", "COGNIZANT", "RELIANT")).extract().path("id");

        List<Integer> firstPage = given().queryParam("limit", 3).get("/customers/{id}/history", id).path("id");
        List<Integer> secondPage = given().queryParam("limit", 3).queryParam("after", firstPage.get(2))
                .get("/customers/{id}/history", id).path("id");
        assertEquals(all.subList(0, 3), firstPage);
        assertEquals(all.subList(3, Math.min(6, all.size())), secondPage);
        given().queryParam("limit", 0).get("/customers/{id}/history", id).then().statusCode(400)
                .body("problems[0].field", equalTo("limit"));
    }

    @Test
    void shouldRefuseEvaluationTimeBeforeTheLastOneAndStoreNothing() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer().daysLater(10)).statusCode(200);
        postFacts(id, facts().purchases("late", 1, 100, 1)).statusCode(409)
                .body("problems[0].field", equalTo("asOf"))
                .body("message", containsString("earlier than the last evaluation"));
        customer(id).body("events", hasSize(6)).body("decision.asOf", equalTo(FactsBody.AS_OF.plusSeconds(10 * 86400L)
                .toString()));
    }

    @Test
    void shouldAnswer404ForUnknownCustomer() {
        String id = newCustomerId();
        customer(id).statusCode(404).body("status", equalTo(404)).body("message", containsString(id));
        history(id).statusCode(404);
    }

    @Test
    void shouldOfferNoWayToChangeHistory() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        // No role may write history: refused before any resource is reached, even with every role.
        invalidRequest().delete("/customers/{id}/history", id).then().statusCode(403);
        invalidRequest().put("/customers/{id}/history", id).then().statusCode(403);
    }
}
