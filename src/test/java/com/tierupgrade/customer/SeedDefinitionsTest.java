package com.tierupgrade.customer;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.FactsBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The seeds' definitions of issue 11 over HTTP, one customer per numbered point: the decision, the history it wrote
 * and an audience that selects on it.
 */
@QuarkusTest
class SeedDefinitionsTest {

    private static ValidatableResponse audience(String tag, String criterion) {
        return given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"" + FactsBody.AS_OF + "\", \"criteria\": [{\"attribute\": \"region\", \"equals\": \""
                        + tag + "\"}, " + criterion + "]}")
                .when().post("/audiences/preview").then().statusCode(200);
    }

    /** Point 1: without a WeChat / group / official-account link nothing starts, and the decision says so. */
    @Test
    void shouldSayNotConnectedUntilTheCustomerIsOnTheCarrier() {
        String id = newCustomerId();
        FactsBody buyer = facts().with("region", id).purchases("p", 2, 300, 10);
        postFacts(id, buyer).statusCode(200)
                .body("stage", equalTo("NOT_CONNECTED"))
                .body("tier", nullValue())
                .body("dimensions.stage.reasons[0]", startsWith("未连接私域"))
                .body("dimensions.buyerGroup.code", equalTo("REPEAT"))
                .body("history.find { it.dimension == 'stage' }.kind", equalTo("INITIAL"))
                .body("history.find { it.dimension == 'stage' }.to", equalTo("NOT_CONNECTED"));
        audience(id, "{\"dimension\": \"stage\", \"equals\": \"NOT_CONNECTED\"}").body("customerIds", contains(id));

        postFacts(id, facts().with("addedWeCom", true)).statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("tier", equalTo("FOLLOWER"))
                .body("history.find { it.dimension == 'stage' }.kind", equalTo("UPGRADE"))
                .body("history.find { it.dimension == 'stage' }.from", equalTo("NOT_CONNECTED"))
                .body("history.find { it.dimension == 'tier' }.to", equalTo("FOLLOWER"));
        audience(id, "{\"dimension\": \"stage\", \"equals\": \"NOT_CONNECTED\"}").body("count", equalTo(0));

        String paid = newCustomerId();
        postFacts(paid, facts().with("region", paid).with("inGroup", true).with("paidInfluencer", true))
                .statusCode(200)
                .body("tier", equalTo("INFLUENCER"))
                .body("dimensions.influencer.code", equalTo("PAID"))
                .body("history.find { it.dimension == 'influencer' }.to", equalTo("PAID"));
        audience(paid, "{\"dimension\": \"influencer\", \"equals\": \"PAID\"}").body("customerIds", contains(paid));
    }

    /**
     * Point 2: a problem user is recorded as a buyer group even with nothing to hold back; a complaint without
     * {@code resolved} is unresolved; one criterion excludes problem users. A held-back tier is not called lost.
     */
    @Test
    void shouldRecordProblemUsersAsABuyerGroup() {
        String tag = newCustomerId();
        String problem = newCustomerId();
        postFacts(problem, facts().with("region", tag).with("addedWeCom", true)
                .event("c1", "COMPLAINT", 3, Map.of())).statusCode(200)
                .body("tier", equalTo("FOLLOWER"))
                .body("heldBack", empty())
                .body("dimensions.buyerGroup.code", equalTo("PROBLEM"))
                .body("history.find { it.dimension == 'buyerGroup' }.to", equalTo("PROBLEM"));
        String heavy = newCustomerId();
        postFacts(heavy, facts().with("region", tag).with("addedWeCom", true).purchases("p", 1, 1200, 5))
                .statusCode(200)
                .body("tier", equalTo("HEAVY_CONSUMER"))
                .body("dimensions.buyerGroup.code", equalTo("NON_REPEAT"));
        audience(tag, "{\"dimension\": \"buyerGroup\", \"notIn\": [\"PROBLEM\"]}").body("customerIds", contains(heavy));

        // The rules hold the tier back; the tier policy's grace period (分销用户靠维护) keeps it for now.
        postFacts(heavy, facts().event("c1", "COMPLAINT", 2, Map.of())).statusCode(200)
                .body("tier", equalTo("HEAVY_CONSUMER"))
                .body("dimensions.tier.keptBy", equalTo("GRACE"))
                .body("dimensions.tier.rulesSay", equalTo("FOLLOWER"))
                .body("history.find { it.dimension == 'buyerGroup' }.to", equalTo("PROBLEM"));
        audience(tag, "{\"dimension\": \"buyerGroup\", \"notIn\": [\"PROBLEM\"]}").body("count", equalTo(0));
    }

    /**
     * Point 6: distribution is kept by distribution sales (second level counted), not by the distributor's own
     * purchases; the quadrant is visit frequency × contribution.
     */
    @Test
    void shouldKeepADistributorBySalesAndPlaceVisitorsInTheQuadrant() {
        String id = newCustomerId();
        postFacts(id, facts().with("region", id).with("addedWeCom", true).with("distributorOptIn", true)
                .purchases("p", 2, 300, 120)
                .event("r1", "REFERRAL_PURCHASE", 5, Map.of("referredCustomerId", "b", "viaCustomerId", "a"))
                .event("v1", "VISIT", 1, Map.of()).event("v2", "VISIT", 2, Map.of()).event("v3", "VISIT", 3, Map.of()))
                .statusCode(200)
                .body("tier", equalTo("DISTRIBUTOR"))
                .body("dimensions.tier.reasons[0]", startsWith("本人愿意分销,近90天分销成交 1 次(其中二级 1 次"))
                .body("dimensions.quadrant.code", equalTo("HIGH_FREQ_LOW_VALUE"))
                .body("history.find { it.dimension == 'tier' }.to", equalTo("DISTRIBUTOR"));
        audience(id, "{\"dimension\": \"quadrant\", \"equals\": \"HIGH_FREQ_LOW_VALUE\"}").body("customerIds",
                contains(id));

        // 100 days later the sale has left the window: the status is not kept by the old purchases alone.
        // The rules say so at once; the tier policy keeps the status through its grace period.
        postFacts(id, facts().daysLater(100)).statusCode(200)
                .body("tier", equalTo("DISTRIBUTOR"))
                .body("dimensions.tier.keptBy", equalTo("GRACE"))
                .body("dimensions.tier.rulesSay", equalTo("FOLLOWER"))
                .body("history.find { it.dimension == 'quadrant' }.to", equalTo("LOW_FREQ_LOW_VALUE"))
                .body("warnings.find { it.dimension == 'quadrant' }.reason",
                        equalTo("价值象限下滑:由「高频低价」变为「低频低价」"));
    }

    /** Point 7: the RFM segments come from the table file, and the reason says which cell decided. */
    @Test
    void shouldSegmentRfmWithTheTable() {
        postFacts(newCustomerId(), facts().with("inGroup", true).purchases("p", 3, 400, 5)).statusCode(200)
                .body("dimensions.rfm.code", equalTo("IMPORTANT_VALUE"))
                .body("firedRules", hasItem("RFM分群 重要价值:R高 F高 M高"))
                .body("dimensions.rfm.reasons[0]", startsWith("距最近一次购买天数 5 天(R高,高:不超过 30 天)"));
    }

    /** Roles beside the tier: a heavy consumer who buys only with coupons carries the 羊毛党 marker, not 铁杆粉丝. */
    @Test
    void shouldHoldEveryRoleBesideTheTier() {
        String id = newCustomerId();
        Map<String, Object> coupon = Map.of("amount", 50, "couponUsed", true);
        postFacts(id, facts().with("region", id).with("addedWeCom", true).event("c1", "PURCHASE", 5, coupon)
                .event("c2", "PURCHASE", 6, coupon).event("c3", "PURCHASE", 7, coupon)
                .event("c4", "PURCHASE", 8, coupon).event("sg", "SUGGESTION", 2, Map.of())).statusCode(200)
                .body("tier", equalTo("HEAVY_CONSUMER"))
                .body("roles.tierRoles.code", contains("FOLLOWER", "HEAVY_CONSUMER", "BARGAIN_HUNTER"))
                .body("history.findAll { it.dimension == 'tierRoles' }.kind", everyItem(equalTo("GAINED")))
                .body("history.findAll { it.dimension == 'tierRoles' }.to",
                        contains("FOLLOWER", "HEAVY_CONSUMER", "BARGAIN_HUNTER"));
        audience(id, "{\"dimension\": \"tierRoles\", \"equals\": \"BARGAIN_HUNTER\"}").body("customerIds", contains(id));
        audience(id, "{\"dimension\": \"tierRoles\", \"equals\": \"DIE_HARD_FAN\"}").body("count", equalTo(0));
    }
}
