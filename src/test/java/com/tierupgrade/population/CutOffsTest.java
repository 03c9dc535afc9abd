package com.tierupgrade.population;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Population cut-offs: recomputed over every stored customer, kept, and used by the rules as facts. */
@QuarkusTest
class CutOffsTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldRecomputeTheTopTenPercentSpendOverAllCustomers() throws SQLException {
        // Ten recent buyers spending 100, 200 … 1000 in the last days, so the top of the population moves.
        for (int i = 1; i <= 10; i++) {
            postFacts(newCustomerId(), facts().withoutAsOf().purchases("p", 1, 100 * i, 1)).statusCode(200);
        }
        Instant before = Instant.now();
        JsonPath computed = given().post("/cutoffs/recompute").then().statusCode(200).extract().jsonPath();
        double value = computed.getDouble("find { it.name == 'superUserSpend' }.value");
        long population = computed.getLong("find { it.name == 'superUserSpend' }.population");

        // What "top 10%" means, counted independently: at most 10% spend more, at least 10% spend as much or more.
        long[] counts = spendCounts(value, before);
        assertEquals(counts[0], population, "every stored customer counts");
        assertTrue(counts[1] <= 0.1 * population, "at most 10% above the cut-off: " + counts[1]);
        assertTrue(counts[2] >= 0.1 * population, "at least 10% at or above the cut-off: " + counts[2]);

        given().get("/cutoffs").then().statusCode(200)
                .body("find { it.name == 'superUserSpend' }.value", equalTo((float) value))
                .body("find { it.name == 'superUserSpend' }.label", equalTo("近90天消费前10%"));
        List<Object> kept = given().get("/cutoffs/superUserSpend/history").then().statusCode(200)
                .extract().path("id");
        given().post("/cutoffs/recompute").then().statusCode(200);
        given().get("/cutoffs/superUserSpend/history").then().statusCode(200)
                .body("size()", equalTo(Math.min(kept.size() + 1, 100)));
    }

    @Test
    void shouldShowWhichCutOffMadeASuperUser() {
        double value = given().post("/cutoffs/recompute").then().statusCode(200).extract().jsonPath()
                .getDouble("find { it.name == 'superUserSpend' }.value");
        int spend = (int) value + 1000;
        postFacts(newCustomerId(), facts().purchases("p", 1, spend, 3)).statusCode(200)
                .body("dimensions.population.code", equalTo("SUPER_USER"))
                .body("cutOffs[0].name", equalTo("superUserSpend"))
                .body("cutOffs[0].value", equalTo((float) value))
                .body("cutOffs[0].rule", equalTo("超级用户:消费进入全体前列(门槛见 cutoffs.yaml)"))
                .body("dimensions.population.reasons[0]", equalTo("近90天消费 " + spend + " 元,达到「近90天消费前10%」门槛 "
                        + yuan(value) + " 元"));
        postFacts(newCustomerId(), facts().with("member", true)).statusCode(200)
                .body("dimensions.population", nullValue())
                .body("cutOffs.size()", equalTo(0));
    }

    private static String yuan(double amount) {
        return java.math.BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }

    /** All customers; those spending more than {@code value}; those spending at least {@code value} (90 days). */
    private long[] spendCounts(double value, Instant now) throws SQLException {
        String sql = """
                SELECT count(*), count(*) FILTER (WHERE s > ?), count(*) FILTER (WHERE s >= ?) FROM (
                    SELECT c.id, (SELECT COALESCE(sum((e.fields ->> 'amount')::numeric), 0) FROM customer_event e
                                  WHERE e.customer_id = c.id AND e.type = 'PURCHASE' AND e.at > ? AND e.at <= ?) AS s
                    FROM customer c) spends""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setDouble(1, value);
            select.setDouble(2, value);
            select.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(90))));
            select.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
            }
        }
    }
}
