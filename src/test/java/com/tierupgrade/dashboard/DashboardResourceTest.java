package com.tierupgrade.dashboard;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /dashboard/summary and /dashboard/labels over a shared database: counts are compared before and after. */
@QuarkusTest
class DashboardResourceTest {

    static final String REFUSED = "用户明确拒绝分销,不硬推";

    static JsonPath summary() {
        return given().queryParam("days", 3).queryParam("zone", "UTC")
                .when().get("/dashboard/summary").then().statusCode(200).extract().jsonPath();
    }

    static long count(JsonPath summary, String dimension, String code) {
        String value = code == null ? "it.code == null" : "it.code == '" + code + "'";
        return summary.getLong("dimensions.find { it.dimension == '" + dimension + "' }.values.find { " + value
                + " }.count");
    }

    static long funnel(JsonPath summary, String stage) {
        return summary.getLong("funnel.find { it.code == '" + stage + "' }.count");
    }

    /** Today's entries (the last day of the window) of one dimension and kind. */
    static long today(JsonPath summary, String dimension, String kind) {
        List<Integer> counts = summary.getList("daily.series.find { it.dimension == '" + dimension
                + "' && it.kind == '" + kind + "' }.counts", Integer.class);
        return counts == null ? 0 : counts.get(counts.size() - 1);
    }

    static long heldBackBy(JsonPath summary, String reason) {
        Long customers = summary.getObject("heldBackReasons.find { it.reason == '" + reason + "' }.customers",
                Long.class);
        return customers == null ? 0 : customers;
    }

    /** Two distributors, a refused distributor (held back) and a customer not connected (未连接私域, no tier). */
    static void postFourCustomers() {
        postFacts(newCustomerId(), repeatBuyer().with("distributorOptIn", true)).statusCode(200)
                .body("tier", equalTo("DISTRIBUTOR"));
        postFacts(newCustomerId(), repeatBuyer().with("distributorOptIn", true)).statusCode(200);
        postFacts(newCustomerId(), repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true))
                .statusCode(200).body("heldBack.tier", hasItem("DISTRIBUTOR"));
        postFacts(newCustomerId(), facts().with("region", "北京")).statusCode(200).body("stage", equalTo("NOT_CONNECTED"))
                .body("tier", equalTo(null));
    }

    @Test
    void shouldCountPostedCustomersPerTierStageAndFunnelStep() {
        JsonPath before = summary();
        postFourCustomers();
        JsonPath after = summary();

        assertEquals(4, after.getLong("customers") - before.getLong("customers"));
        assertEquals(2, count(after, "tier", "DISTRIBUTOR") - count(before, "tier", "DISTRIBUTOR"));
        assertEquals(1, count(after, "tier", "FOLLOWER") - count(before, "tier", "FOLLOWER"));
        assertEquals(1, count(after, "tier", null) - count(before, "tier", null));
        assertEquals(3, count(after, "stage", "RELIANT") - count(before, "stage", "RELIANT"));
        assertEquals(1, count(after, "stage", "NOT_CONNECTED") - count(before, "stage", "NOT_CONNECTED"));
        assertEquals(4, funnel(after, "NOT_CONNECTED") - funnel(before, "NOT_CONNECTED"), "every customer");
        for (String stage : List.of("FAMILIAR", "COGNIZANT", "TRUSTING", "RELIANT")) {
            assertEquals(3, funnel(after, stage) - funnel(before, stage), stage);
        }
        assertEquals("无", after.getString("dimensions.find { it.dimension == 'tier' }.values.last().name"));
        assertEquals("分销用户",
                after.getString("dimensions.find { it.dimension == 'tier' }.values.find { it.code == 'DISTRIBUTOR' }.name"));
    }

    @Test
    void shouldGiveEachFunnelStepItsRateFromThePreviousStep() {
        postFourCustomers();
        JsonPath summary = summary();
        List<Long> counts = summary.getList("funnel.count", Long.class);
        List<Float> rates = summary.getList("funnel.rate", Float.class);

        assertEquals(List.of("未连接私域", "熟悉", "认知", "信赖", "依靠"), summary.getList("funnel.name"));
        assertEquals(null, rates.get(0));
        for (int i = 1; i < counts.size(); i++) {
            assertEquals((double) counts.get(i) / counts.get(i - 1), rates.get(i), 1e-6);
            assertTrue(counts.get(i) <= counts.get(i - 1));
        }
    }

    @Test
    void shouldCountTodaysEntriesPerKindAndCurrentHoldsPerReason() {
        JsonPath before = summary();
        postFourCustomers();
        JsonPath after = summary();

        assertEquals(3, today(after, "tier", "INITIAL") - today(before, "tier", "INITIAL"));
        assertEquals(1, today(after, "tier", "HELD_BACK") - today(before, "tier", "HELD_BACK"));
        assertEquals(4, today(after, "stage", "INITIAL") - today(before, "stage", "INITIAL"));
        assertEquals(1, heldBackBy(after, REFUSED) - heldBackBy(before, REFUSED));
        assertEquals(3, after.getList("daily.days").size());
        assertEquals("UTC", after.getString("daily.zone"));
        assertEquals(List.of("分销用户"),
                after.getList("heldBackReasons.find { it.reason == '" + REFUSED + "' }.tiers.name"));
    }

    @Test
    void shouldRefuseDaysOutOfRangeAndUnknownZones() {
        given().queryParam("days", 0).when().get("/dashboard/summary").then().statusCode(400)
                .body("problems[0].field", equalTo("days"));
        given().queryParam("days", 367).when().get("/dashboard/summary").then().statusCode(400);
        given().queryParam("zone", "Mars/Olympus").when().get("/dashboard/summary").then().statusCode(400)
                .body("problems[0].field", equalTo("zone"));
    }

    @Test
    void shouldListDimensionsWithDisplayNames() {
        given().when().get("/dashboard/labels").then().statusCode(200)
                .body("dimension", hasItem("rfm"))
                .body("find { it.dimension == 'stage' }.values.name", equalTo(List.of("未连接私域", "熟悉", "认知", "信赖", "依靠")))
                .body("find { it.dimension == 'rfm' }.name", equalTo("RFM 分群"))
                .body("find { it.dimension == 'tier' }.values", hasSize(6));
    }

    /** The console is part of the service, and the ECharts version index.html names is the one the build ships. */
    @Test
    void shouldServeTheConsoleWithTheChartLibraryItNames() {
        String index = given().when().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        Matcher script = Pattern.compile("src=\"\\.\\./(webjars/echarts/[^\"]+)\"").matcher(index);
        assertTrue(script.find(), "index.html loads ECharts from the webjar");
        given().when().get("/" + script.group(1)).then().statusCode(200);
        for (String file : List.of("customer.html", "rulesets.html", "common.js", "dashboard.js", "customer.js",
                "rulesets.js", "console.css")) {
            given().when().get("/console/" + file).then().statusCode(200);
        }
    }
}
