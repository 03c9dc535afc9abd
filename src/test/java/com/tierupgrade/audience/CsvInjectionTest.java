package com.tierupgrade.audience;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Csv;
import com.tierupgrade.testing.FactsBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Cells a spreadsheet would run as formulas (OWASP "CSV injection") come out of every CSV export with a leading
 * apostrophe: customers named {@code =1+1}, {@code +1+1}, {@code -1+1}, {@code @SUM(1)} in the audience CSV, and
 * in the history CSV.
 */
@QuarkusTest
class CsvInjectionTest {

    private static final List<String> FORMULAS = List.of("=1+1", "+1+1", "-1+1", "@SUM(1)", "\t=1", "\r=1");

    @Inject
    DataSource dataSource;

    @Test
    void shouldNeutraliseFormulasInTheAudienceCsv() {
        Population people = new Population(dataSource);
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        for (String formula : FORMULAS) {
            people.customerWithId(formula + suffix).save();
        }
        long id = given().contentType(ContentType.JSON)
                .body("{\"name\": \"formulas\", \"criteria\": [" + people.own() + "]}")
                .post("/audiences").then().statusCode(201).extract().jsonPath().getLong("id");

        String csv = new String(given().get("/audiences/{id}/customers.csv", id).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);

        List<String> cells = AudienceSavedTest.parseCsv(csv).subList(1, FORMULAS.size() + 1);
        assertEquals(FORMULAS.size(), cells.size(), csv);
        for (String cell : cells) {
            assertTrue(cell.startsWith("'"), "not neutralised: " + cell);
            assertTrue(FORMULAS.contains(cell.substring(1, cell.length() - suffix.length())), cell);
        }
    }

    @Test
    void shouldNeutraliseFormulasInTheHistoryCsv() {
        // '-' and '@' are in the customer id alphabet, so such ids arrive through the API too.
        String minus = "-1-" + FactsBody.newCustomerId();
        String at = "@SUM-" + FactsBody.newCustomerId();
        for (String id : List.of(minus, at)) {
            given().contentType(ContentType.JSON).body("{\"attributes\": {\"inGroup\": true}}")
                    .post("/customers/{id}/facts", id).then().statusCode(200);
        }
        String csv = given().accept("text/csv").queryParam("customer", minus).queryParam("customer", at)
                .get("/history").then().statusCode(200).extract().asString();

        List<List<String>> rows = Csv.parse(csv.substring(1)).subList(1, Csv.parse(csv.substring(1)).size());
        assertTrue(!rows.isEmpty(), csv);
        for (List<String> row : rows) {
            String customerCell = row.get(1);
            assertTrue(customerCell.equals("'" + minus) || customerCell.equals("'" + at), row.toString());
        }
    }
}
