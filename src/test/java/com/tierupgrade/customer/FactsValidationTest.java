package com.tierupgrade.customer;

import static com.tierupgrade.testing.Api.customer;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.Api.postInvalidFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tierupgrade.testing.RowCounts;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input gets a 400 naming the field and the problem, and nothing is stored. */
@QuarkusTest
class FactsValidationTest {

    record BadInput(String name, String body, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A body with one PURCHASE event whose type-specific fields are {@code fields}. */
    private static String purchase(String fields) {
        return "{\"events\":[{\"id\":\"e1\",\"type\":\"PURCHASE\",\"at\":\"2026-01-01T00:00:00Z\"," + fields + "}]}";
    }

    static List<BadInput> badInputs() {
        return List.of(
                new BadInput("events not an array", "{\"events\":{\"id\":\"e1\"}}", "events", "must be a JSON array"),
                new BadInput("attributes not an object", "{\"attributes\":[1]}", "attributes", "must be a JSON object"),
                new BadInput("unknown event type", "{\"events\":[{\"id\":\"e1\",\"type\":\"LOTTERY\",\"at\":\"2026-01-01T00:00:00Z\"}]}",
                        "events[0].type", "unknown event type 'LOTTERY'"),
                new BadInput("missing event type", "{\"events\":[{\"id\":\"e1\",\"at\":\"2026-01-01T00:00:00Z\"}]}",
                        "events[0].type", "is required"),
                new BadInput("missing event id", "{\"events\":[{\"type\":\"VISIT\",\"at\":\"2026-01-01T00:00:00Z\"}]}",
                        "events[0].id", "is required"),
                new BadInput("missing event time", "{\"events\":[{\"id\":\"e1\",\"type\":\"VISIT\"}]}",
                        "events[0].at", "is required"),
                new BadInput("time not ISO-8601", "{\"events\":[{\"id\":\"e1\",\"type\":\"VISIT\",\"at\":\"yesterday\"}]}",
                        "events[0].at", "ISO-8601"),
                new BadInput("time as a number", "{\"events\":[{\"id\":\"e1\",\"type\":\"VISIT\",\"at\":1700000000}]}",
                        "events[0].at", "ISO-8601"),
                new BadInput("time in the future", "{\"events\":[{\"id\":\"e1\",\"type\":\"VISIT\",\"at\":\"2999-01-01T00:00:00Z\"}]}",
                        "events[0].at", "must not be in the future"),
                new BadInput("negative amount", purchase("\"amount\":-5"), "events[0].amount", "must be a number ≥ 0"),
                new BadInput("amount as text", purchase("\"amount\":\"300\""), "events[0].amount", "must be a number ≥ 0"),
                new BadInput("purchase without amount",
                        "{\"events\":[{\"id\":\"e1\",\"type\":\"PURCHASE\",\"at\":\"2026-01-01T00:00:00Z\"}]}",
                        "events[0].amount", "is required for PURCHASE"),
                new BadInput("coupon flag as text", purchase("\"amount\":10,\"couponUsed\":\"yes\""), "events[0].couponUsed",
                        "must be true or false"),
                new BadInput("rating above 5",
                        "{\"events\":[{\"id\":\"r\",\"type\":\"REVIEW\",\"at\":\"2026-01-01T00:00:00Z\",\"rating\":6}]}",
                        "events[0].rating", "from 1 to 5"),
                new BadInput("rating not whole",
                        "{\"events\":[{\"id\":\"r\",\"type\":\"REVIEW\",\"at\":\"2026-01-01T00:00:00Z\",\"rating\":4.5}]}",
                        "events[0].rating", "from 1 to 5"),
                new BadInput("unknown interaction kind",
                        "{\"events\":[{\"id\":\"i\",\"type\":\"INTERACTION\",\"at\":\"2026-01-01T00:00:00Z\",\"kind\":\"STARE\"}]}",
                        "events[0].kind", "READ, LIKE, REPLY, QUESTION"),
                new BadInput("same event id twice in one request",
                        "{\"events\":[{\"id\":\"v\",\"type\":\"VISIT\",\"at\":\"2026-01-01T00:00:00Z\"},"
                                + "{\"id\":\"v\",\"type\":\"VISIT\",\"at\":\"2026-01-02T00:00:00Z\"}]}",
                        "events[1].id", "appears more than once"),
                new BadInput("flag attribute as text", "{\"attributes\":{\"addedWeCom\":\"true\"}}",
                        "attributes.addedWeCom", "must be true or false"),
                new BadInput("nested attribute", "{\"attributes\":{\"address\":{\"city\":\"北京\"}}}",
                        "attributes.address", "must be text, a number"),
                new BadInput("evaluation time not ISO-8601", "{\"asOf\":\"now\"}", "asOf", "ISO-8601"),
                new BadInput("evaluation time in the future", "{\"asOf\":\"2999-01-01T00:00:00Z\"}", "asOf",
                        "must not be in the future"));
    }

    @Inject
    DataSource dataSource;

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void shouldNameTheFieldAndStoreNothing(BadInput bad) {
        String id = newCustomerId();
        Map<String, Long> before = RowCounts.of(dataSource);
        postInvalidFacts(id, bad.body()).statusCode(400)
                .body("status", equalTo(400))
                .body("problems.field", hasItem(bad.field()))
                .body("problems.find { it.field == '" + bad.field() + "' }.message", containsString(bad.message()));
        customer(id).statusCode(404);
        assertEquals(before, RowCounts.of(dataSource));
    }

    @Test
    void shouldLocateMalformedJson() {
        postInvalidFacts(newCustomerId(), "{\"events\":[{\"id\":\"e1\",").statusCode(400)
                .body("message", containsString("Malformed JSON"));
        postInvalidFacts(newCustomerId(), "[]").statusCode(400).body("message", containsString("JSON object"));
        postInvalidFacts(newCustomerId(), "").statusCode(400).body("problems[0].field", equalTo("body"));
    }

    @Test
    void shouldListEveryProblemAtOnce() {
        postInvalidFacts(newCustomerId(), "{\"attributes\":{\"inGroup\":1},\"events\":[{\"type\":\"VISIT\"}]}")
                .statusCode(400)
                .body("problems.field", equalTo(List.of("attributes.inGroup", "events[0].id", "events[0].at")));
    }

    @Test
    void shouldLeaveExistingCustomerUntouchedByBadPost() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        String before = customer(id).extract().asString();
        postInvalidFacts(id, purchase("\"amount\":-1")).statusCode(400);
        assertEquals(before, customer(id).extract().asString());
    }
}
