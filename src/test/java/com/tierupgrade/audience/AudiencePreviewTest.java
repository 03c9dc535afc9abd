package com.tierupgrade.audience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.OpenApiContract;
import com.tierupgrade.testing.RowCounts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AudiencePreviewTest {

    static final String BEIJING = "{\"attribute\": \"region\", \"equals\": \"北京\"}";
    static final String THREE_VISITS_IN_90_DAYS = "{\"event\": \"VISIT\", \"atLeast\": 3, \"withinDays\": 90}";
    static final String A_PURCHASE_EVER = "{\"event\": \"PURCHASE\", \"atLeast\": 1}";
    static final String NO_SHISEIDO_THIS_WEEK =
            "{\"noEvent\": \"PURCHASE\", \"where\": {\"brand\": \"资生堂\"}, \"withinDays\": 7}";

    @Inject
    DataSource dataSource;

    Population people;

    @BeforeEach
    void newPopulation() {
        people = new Population(dataSource);
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ValidatableResponse previewBody(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/audiences/preview").then();
    }

    /** A body the document refuses on purpose: only the answer is checked against it. */
    static ValidatableResponse invalidPreviewBody(String body) {
        return OpenApiContract.invalidRequest().contentType(ContentType.JSON).body(body).when()
                .post("/audiences/preview").then();
    }

    /** A preview at the population's AS_OF of the population's customers that meet every criterion. */
    ValidatableResponse preview(String... criteria) {
        return previewBody(body(criteria));
    }

    String body(String... criteria) {
        return "{\"asOf\": \"" + Population.AS_OF + "\", \"criteria\": [" + people.own()
                + (criteria.length == 0 ? "" : ", " + String.join(", ", criteria)) + "]}";
    }

    /** Seed 002: registered in Beijing, ≥ 3 visits in 3 months, ≥ 1 purchase, no Shiseido purchase in the last week. */
    @Test
    void shouldSelectSeed002AudienceWhereEachExcludedCustomerFailsExactlyOneCriterion() {
        String match = people.customer("match").attribute("region", "北京").visits(3, 1)
                .purchase(100, 300, "兰蔻").purchase(10, 200, "资生堂").save();
        String matchToo = people.customer("match-too").attribute("region", "北京").visits(5, 80)
                .purchase(400, 99, "资生堂").save();
        String shanghai = people.customer("shanghai").attribute("region", "上海").visits(3, 1)
                .purchase(100, 300, "兰蔻").save();
        // The third visit is 90 days old: windows count events younger than their number of days.
        String twoVisits = people.customer("two-visits").attribute("region", "北京").visits(2, 1).event("VISIT", 90)
                .purchase(100, 300, "兰蔻").save();
        // A purchase after asOf does not count yet.
        String noPurchase = people.customer("no-purchase").attribute("region", "北京").visits(3, 1)
                .purchase(-1, 300, "兰蔻").save();
        String shiseido = people.customer("shiseido").attribute("region", "北京").visits(3, 1)
                .purchase(6.9, 300, "资生堂").save();

        List<String> criteria = List.of(BEIJING, THREE_VISITS_IN_90_DAYS, A_PURCHASE_EVER, NO_SHISEIDO_THIS_WEEK);
        preview(criteria.toArray(String[]::new)).statusCode(200)
                .body("count", equalTo(2))
                .body("customerIds", contains(sorted(match, matchToo).toArray()))
                .body("asOf", equalTo(Population.AS_OF.toString()))
                .body("next", nullValue());

        // Each criterion matters: without it, exactly the customer who failed only it joins.
        List<String> failsOnly = List.of(shanghai, twoVisits, noPurchase, shiseido);
        for (int i = 0; i < criteria.size(); i++) {
            List<String> others = new ArrayList<>(criteria);
            others.remove(i);
            preview(others.toArray(String[]::new)).statusCode(200)
                    .body("count", equalTo(3))
                    .body("customerIds", contains(sorted(match, matchToo, failsOnly.get(i)).toArray()));
        }
    }

    @Test
    void shouldExcludeRegionsKeepingCustomersWithoutRegion() {
        String beijing = people.customer("bj").attribute("region", "北京").save();
        people.customer("sh").attribute("region", "上海").save();
        people.customer("gz").attribute("region", "广州").save();
        String unknown = people.customer("none").save();
        preview("{\"attribute\": \"region\", \"notIn\": [\"上海\", \"广州\"]}").statusCode(200)
                .body("count", equalTo(2)).body("customerIds", contains(sorted(beijing, unknown).toArray()));
        preview("{\"attribute\": \"region\", \"in\": [\"上海\", \"北京\"]}").statusCode(200)
                .body("count", equalTo(2));
    }

    @Test
    void shouldSelectOnAttributesOfAnyScalarType() {
        String member = people.customer("member").attribute("member", true).attribute("level", 3).save();
        people.customer("not-member").attribute("member", false).attribute("level", 3).save();
        preview("{\"attribute\": \"member\", \"equals\": true}", "{\"attribute\": \"level\", \"in\": [2, 3]}")
                .statusCode(200).body("customerIds", contains(member));
    }

    @Test
    void shouldSelectOnDimensions() {
        String distributor = people.customer("dist").dimension("tier", "DISTRIBUTOR").dimension("rfm", "IMPORTANT_VALUE")
                .save();
        String heavy = people.customer("heavy").dimension("tier", "HEAVY_CONSUMER").dimension("rfm", "IMPORTANT_VALUE")
                .save();
        people.customer("follower").dimension("tier", "FOLLOWER").dimension("rfm", "IMPORTANT_VALUE").save();
        people.customer("other-rfm").dimension("tier", "DISTRIBUTOR").dimension("rfm", "GENERAL_RETAIN").save();
        people.customer("no-dimensions").save();
        preview("{\"dimension\": \"tier\", \"in\": [\"DISTRIBUTOR\", \"HEAVY_CONSUMER\"]}",
                "{\"dimension\": \"rfm\", \"equals\": \"IMPORTANT_VALUE\"}").statusCode(200)
                .body("count", equalTo(2)).body("customerIds", contains(sorted(distributor, heavy).toArray()));
    }

    /** Seed 004: cumulative spend in a window. */
    @Test
    void shouldSelectOnTotalAmountInWindow() {
        String big = people.customer("big").purchase(10, 600, "A").purchase(300, 500, "B").save();
        people.customer("old-spend").purchase(10, 900, "A").purchase(400, 300, "B").save();
        people.customer("refunds-are-not-purchases").event("REFUND", 5, Map.of("amount", 2000)).save();
        people.customer("nothing").save();
        String brandOnly = "{\"event\": \"PURCHASE\", \"totalAmountAtLeast\": 1000, \"withinDays\": 365}";
        preview(brandOnly).statusCode(200).body("count", equalTo(1)).body("customerIds", contains(big));
        // At most: customers without purchases have spent 0.
        preview("{\"event\": \"PURCHASE\", \"totalAmountAtMost\": 999.5, \"withinDays\": 365}").statusCode(200)
                .body("count", equalTo(3));
        preview("{\"event\": \"PURCHASE\", \"where\": {\"brand\": \"A\"}, \"totalAmountAtLeast\": 600, \"atLeast\": 1,"
                + " \"withinDays\": 30}").statusCode(200).body("count", equalTo(2));
    }

    @Test
    void shouldSelectAtMostCountIncludingCustomersWithoutEvents() {
        String none = people.customer("none").save();
        String two = people.customer("two").visits(2, 1).event("VISIT", 40).save();
        people.customer("three").visits(3, 1).save();
        preview("{\"event\": \"VISIT\", \"atMost\": 2, \"withinDays\": 30}").statusCode(200)
                .body("count", equalTo(2)).body("customerIds", contains(sorted(none, two).toArray()));
        preview("{\"event\": \"VISIT\", \"atLeast\": 1, \"atMost\": 2, \"withinDays\": 30}").statusCode(200)
                .body("customerIds", contains(two));
        preview("{\"event\": \"VISIT\", \"atMost\": 0}").statusCode(200).body("customerIds", contains(none));
    }

    @Test
    void shouldPageByIdWithNext() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(people.customer("p" + i).save());
        }
        String first = "{\"asOf\": \"" + Population.AS_OF + "\", \"limit\": 3, \"criteria\": [" + people.own() + "]}";
        previewBody(first).statusCode(200).body("count", equalTo(7))
                .body("customerIds", contains(ids.subList(0, 3).toArray())).body("next", equalTo(ids.get(2)));
        previewBody(first.replace("\"limit\": 3", "\"limit\": 3, \"after\": \"" + ids.get(2) + "\"")).statusCode(200)
                .body("count", equalTo(7))
                .body("customerIds", contains(ids.subList(3, 6).toArray())).body("next", equalTo(ids.get(5)));
        previewBody(first.replace("\"limit\": 3", "\"limit\": 3, \"after\": \"" + ids.get(5) + "\"")).statusCode(200)
                .body("customerIds", contains(ids.get(6))).body("next", nullValue());
    }

    @Test
    void shouldWriteNothingWhenPreviewing() {
        people.customer("a").attribute("region", "北京").visits(3, 1).purchase(3, 10, "资生堂").save();
        Map<String, Long> before = RowCounts.of(dataSource);
        long audiences = audienceRows();
        preview(BEIJING, THREE_VISITS_IN_90_DAYS, A_PURCHASE_EVER, NO_SHISEIDO_THIS_WEEK).statusCode(200)
                .body("count", equalTo(0));
        preview(BEIJING).statusCode(200).body("count", equalTo(1));
        assertEquals(before, RowCounts.of(dataSource));
        assertEquals(audiences, audienceRows());
    }

    @Test
    void shouldNameTheFieldOfEveryProblem() {
        invalidPreviewBody("{\"criteria\": [{\"attribute\": \"region\", \"equals\": \"北京\"}, {\"segment\": \"x\"},"
                + " {\"event\": \"VISIT\", \"atLeast\": 3, \"withinDays\": -5},"
                + " {\"event\": \"BROWSE\", \"atLeast\": 1},"
                + " {\"dimension\": \"tier\", \"in\": []},"
                + " {\"attribute\": \"region\", \"equals\": \"北京\", \"colour\": 1},"
                + " {\"event\": \"VISIT\", \"atLeast\": 3, \"atMost\": 2},"
                + " {\"event\": \"VISIT\", \"totalAmountAtLeast\": 3},"
                + " {\"event\": \"PURCHASE\"},"
                + " {\"noEvent\": \"PURCHASE\", \"where\": {\"brand\": [\"a\"]}}],"
                + " \"asOf\": \"2999-01-01T00:00:00Z\", \"limit\": 0}")
                .statusCode(400)
                .body("message", equalTo("The audience is not valid"))
                .body("problems.field", contains("criteria[1]", "criteria[2].withinDays", "criteria[3].event",
                        "criteria[4].in", "criteria[5].colour", "criteria[6].atMost",
                        "criteria[7].totalAmountAtLeast", "criteria[8]", "criteria[9].where.brand", "asOf", "limit"));
        invalidPreviewBody("{\"criteria\": []}").statusCode(400).body("problems.field", contains("criteria"))
                .body("problems.message", contains("must list at least one criterion"));
        invalidPreviewBody("{\"criteria\": [{\"attribute\": \"region\", \"in\": [\"北京\"], \"dimension\": \"tier\"}]}")
                .statusCode(400).body("problems.field", contains("criteria[0]"));
        invalidPreviewBody("{\"filters\": []}").statusCode(400).body("problems.field", contains("filters", "criteria"));
        invalidPreviewBody("[]").statusCode(400).body("problems.field", contains("body"));
        invalidPreviewBody("{\"criteria\": [").statusCode(400);
    }

    @Test
    void shouldRefuseNegativeDaysWithItsMessage() {
        invalidPreviewBody("{\"criteria\": [{\"noEvent\": \"PURCHASE\", \"withinDays\": -1}]}").statusCode(400)
                .body("problems[0].field", equalTo("criteria[0].withinDays"))
                .body("problems[0].message", equalTo(
                        "must be a whole number of days from 1 to 36500 (leave it out for ever)"));
        invalidPreviewBody("{\"criteria\": [{\"event\": \"SHOPPING\", \"atLeast\": 1}]}").statusCode(400)
                .body("problems[0].message", org.hamcrest.Matchers.startsWith("must be an event type of rules/events.yaml: one of PURCHASE"));
    }

    static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private long audienceRows() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM audience")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issue 11: a complaint without resolved is unresolved, in audiences as in the rules (events.yaml: boolean). */
    @Test
    void shouldCountAComplaintWithoutResolvedAsUnresolved() {
        String silent = people.customer("silent").event("COMPLAINT", 3).save();
        String open = people.customer("open").event("COMPLAINT", 3, Map.of("resolved", false)).save();
        String closed = people.customer("closed").event("COMPLAINT", 3, Map.of("resolved", true)).save();

        preview("{\"event\": \"COMPLAINT\", \"where\": {\"resolved\": false}, \"atLeast\": 1}")
                .statusCode(200).body("customerIds", contains(sorted(silent, open).toArray()));
        preview("{\"noEvent\": \"COMPLAINT\", \"where\": {\"resolved\": false}}")
                .statusCode(200).body("customerIds", contains(sorted(closed).toArray()));
        preview("{\"event\": \"COMPLAINT\", \"where\": {\"resolved\": true}, \"atLeast\": 1}")
                .statusCode(200).body("customerIds", contains(sorted(closed).toArray()));
    }

    /** Issue 11: a multi-valued dimension is selected by any role held; notIn excludes whoever holds it. */
    @Test
    void shouldSelectByAnyHeldRole() {
        String both = people.customer("both").roles("roles", "SHARER", "BIG_SPENDER").save();
        String sharer = people.customer("sharer").roles("roles", "SHARER").save();
        String none = people.customer("none").dimension("tier", "FOLLOWER").save();

        preview("{\"dimension\": \"roles\", \"equals\": \"BIG_SPENDER\"}")
                .statusCode(200).body("customerIds", contains(sorted(both).toArray()));
        preview("{\"dimension\": \"roles\", \"in\": [\"SHARER\"]}")
                .statusCode(200).body("customerIds", contains(sorted(both, sharer).toArray()));
        preview("{\"dimension\": \"roles\", \"notIn\": [\"BIG_SPENDER\"]}")
                .statusCode(200).body("customerIds", contains(sorted(sharer, none).toArray()));
    }
}
