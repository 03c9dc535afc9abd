package com.tierupgrade.customer;

import static com.tierupgrade.testing.Api.customer;
import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.FactsBody;

import io.quarkus.test.junit.QuarkusTest;

/** The dimensions besides stage and tier over HTTP: decided, shown with their values, kept in history. */
@QuarkusTest
class DimensionsTest {

    /** A member who bought 3 times for 400 in the last 100 days and visited 3 times: REPEAT, 重要价值, MATURE, 高频高价. */
    private static FactsBody repeatMember() {
        return facts().with("member", true).with("addedWeCom", true).event("v1", "VISIT", 1, Map.of())
                .event("v2", "VISIT", 2, Map.of()).event("v3", "VISIT", 3, Map.of())
                .event("p1", "PURCHASE", 5, Map.of("amount", 400, "couponUsed", true))
                .event("p2", "PURCHASE", 40, Map.of("amount", 400))
                .event("p3", "PURCHASE", 100, Map.of("amount", 400));
    }

    @Test
    void shouldDecideEveryDimensionAndShowRfmValues() {
        String id = newCustomerId();
        postFacts(id, repeatMember()).statusCode(200)
                .body("dimensions.relationship.code", equalTo("REPEAT"))
                .body("dimensions.rfm.code", equalTo("IMPORTANT_VALUE"))
                .body("dimensions.rfm.reasons[0]", containsString("距最近一次购买天数 5 天(R高"))
                .body("dimensions.lifecycle.code", equalTo("MATURE"))
                .body("dimensions.quadrant.code", equalTo("HIGH_FREQ_HIGH_VALUE"))
                .body("dimensions.sensitivity.code", equalTo("SENSITIVE"))
                // issue 11 point 5: the operating move of ladders.yaml (seed 002), null where none is declared
                .body("dimensions.sensitivity.action", equalTo("定期推送促销活动,提升转化"))
                .body("dimensions.rfm.action", org.hamcrest.Matchers.nullValue())
                .body("measures.find { it.name == 'recencyDays' }.value", equalTo(5.0f))
                .body("measures.find { it.name == 'frequency' }.value", equalTo(3.0f))
                .body("measures.find { it.name == 'monetary' }.value", equalTo(1200.0f))
                .body("measures.find { it.name == 'monetary' }.label", equalTo("近365天消费金额"))
                .body("history.dimension", hasItems("stage", "tier", "relationship", "rfm", "lifecycle", "quadrant",
                        "sensitivity"))
                .body("history.find { it.dimension == 'rfm' }.kind", equalTo("INITIAL"))
                .body("history.find { it.dimension == 'rfm' }.reasons[0]", containsString("F高"));

        // The stored customer shows the same, read back from its columns.
        customer(id).statusCode(200)
                .body("decision.dimensions.relationship.code", equalTo("REPEAT"))
                .body("decision.dimensions.rfm.reasons[0]", containsString("M高"))
                .body("decision.dimensions.sensitivity.action", equalTo("定期推送促销活动,提升转化"))
                .body("decision.measures.find { it.name == 'averageOrderValue' }.value", equalTo(400.0f));
    }

    @Test
    void shouldRecordUnorderedChangesAsChangeAndOrderedOnesAsDowngrade() {
        String id = newCustomerId();
        postFacts(id, repeatMember()).statusCode(200);
        // 60 days later the purchase 5 days ago is 65 days old: still a member, but R is low (> 30 days).
        postFacts(id, facts().daysLater(60)).statusCode(200)
                .body("history.find { it.dimension == 'rfm' }.kind", equalTo("CHANGE"))
                .body("history.find { it.dimension == 'rfm' }.from", equalTo("IMPORTANT_VALUE"))
                .body("history.find { it.dimension == 'rfm' }.to", equalTo("IMPORTANT_KEEP"))
                .body("history.find { it.dimension == 'rfm' }.cause", equalTo("TIME"))
                .body("history.find { it.dimension == 'relationship' }.kind", equalTo("DOWNGRADE"))
                .body("history.find { it.dimension == 'relationship' }.reasons[0]", equalTo("不再满足「复购会员」的条件"));
    }

    @Test
    void shouldWarnAndListCustomersDriftingTowardLowFrequencyLowValue() {
        String id = newCustomerId();
        // Seed 002: visit frequency × contribution value; 3 visits and 800 spent in 90 days is 高频高价.
        postFacts(id, facts().purchases("p", 2, 400, 10).event("v1", "VISIT", 10, Map.of())
                .event("v2", "VISIT", 11, Map.of()).event("v3", "VISIT", 12, Map.of())).statusCode(200)
                .body("dimensions.quadrant.code", equalTo("HIGH_FREQ_HIGH_VALUE"))
                .body("warnings", org.hamcrest.Matchers.empty());
        // 85 days later the visits and purchases have left the 90-day window: 低频低价, and the move is warned about.
        postFacts(id, facts().daysLater(85)).statusCode(200)
                .body("dimensions.quadrant.code", equalTo("LOW_FREQ_LOW_VALUE"))
                .body("warnings[0].code", equalTo("DRIFT_TO_LOW_LOW"))
                .body("warnings[0].rule", equalTo("象限下滑预警:变为低频低价"))
                .body("warnings[0].action", equalTo("一对一回访,了解原因并推送专属权益"))
                .body("history.find { it.kind == 'WARNING' }.from", equalTo("HIGH_FREQ_HIGH_VALUE"))
                .body("history.find { it.kind == 'WARNING' }.to", equalTo("LOW_FREQ_LOW_VALUE"))
                .body("history.find { it.kind == 'WARNING' }.reasons",
                        contains("价值象限下滑:由「高频高价」变为「低频低价」"));
        // The same state later raises no second warning.
        postFacts(id, facts().daysLater(86)).statusCode(200).body("warnings", org.hamcrest.Matchers.empty());

        long firstWarning = history(id).extract().jsonPath().getLong("find { it.kind == 'WARNING' }.id");
        given().queryParam("after", firstWarning - 1).queryParam("limit", 1000).get("/warnings").then()
                .statusCode(200)
                .body("customerId", hasItem(id))
                .body("find { it.customerId == '" + id + "' }.warning", equalTo("DRIFT_TO_LOW_LOW"))
                .body("kind", org.hamcrest.Matchers.everyItem(equalTo("WARNING")));
        given().queryParam("limit", 0).get("/warnings").then().statusCode(400)
                .body("problems[0].field", equalTo("limit"));
    }

    @Test
    void shouldKeepTheChangeHistoryOfAttributes() {
        String id = newCustomerId();
        postFacts(id, facts().with("region", "北京").with("gender", "F")).statusCode(200);
        postFacts(id, facts().with("region", "上海").with("gender", "F")).statusCode(200);
        postFacts(id, facts().with("region", null)).statusCode(200);

        given().get("/customers/{id}/attributes/history", id).then().statusCode(200)
                .body("name", contains("region", "gender", "region", "region"))
                .body("oldValue", contains(nullValue(), nullValue(), equalTo("北京"), equalTo("上海")))
                .body("newValue", contains(equalTo("北京"), equalTo("F"), equalTo("上海"), nullValue()));
        List<Integer> regionOnly = given().queryParam("name", "region")
                .get("/customers/{id}/attributes/history", id).then().statusCode(200).extract().path("id");
        given().queryParam("name", "region").queryParam("after", regionOnly.get(0))
                .get("/customers/{id}/attributes/history", id).then().statusCode(200)
                .body("newValue", contains(equalTo("上海"), nullValue()));
        given().get("/customers/{id}/attributes/history", newCustomerId()).then().statusCode(404);
    }
}
