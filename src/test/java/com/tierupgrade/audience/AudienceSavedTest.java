package com.tierupgrade.audience;

import static com.tierupgrade.testing.OpenApiContract.invalidRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AudienceSavedTest {

    @Inject
    DataSource dataSource;

    Population people;

    @BeforeEach
    void newPopulation() {
        people = new Population(dataSource);
    }

    private String criteria() {
        return "[" + people.own() + ", " + AudiencePreviewTest.BEIJING + ", "
                + AudiencePreviewTest.THREE_VISITS_IN_90_DAYS + "]";
    }

    private long save(String name) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"criteria\": " + criteria() + "}")
                .when().post("/audiences")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo(name))
                .body("criteria[1].attribute", equalTo("region"))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void shouldExportTheSameIdsAsThePreviewAsCsv() {
        for (int i = 0; i < 30; i++) {
            people.customer("c" + i).attribute("region", i % 3 == 0 ? "上海" : "北京").visits(3 + i % 2, 1).save();
        }
        // Ids are the caller's: one with a comma and a quote is quoted in the CSV and read back intact.
        String odd = people.customer("odd,\"id\"").attribute("region", "北京").visits(3, 1).save();
        long id = save("北京 活跃访客");

        List<String> previewed = given().contentType(ContentType.JSON)
                .body("{\"limit\": 1000, \"asOf\": \"" + Population.AS_OF + "\", \"criteria\": " + criteria() + "}")
                .when().post("/audiences/preview").then().statusCode(200).body("count", equalTo(21))
                .extract().jsonPath().getList("customerIds", String.class);
        assertEquals(21, previewed.size());

        byte[] csv = given().queryParam("asOf", Population.AS_OF.toString())
                .when().get("/audiences/{id}/customers.csv", id)
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Type", org.hamcrest.Matchers.containsStringIgnoringCase("charset=UTF-8"))
                .header("X-Audience-As-Of", Population.AS_OF.toString())
                .extract().asByteArray();
        List<String> rows = parseCsv(new String(csv, StandardCharsets.UTF_8));
        assertEquals("customer_id", rows.get(0));
        assertEquals(previewed, rows.subList(1, rows.size()));
        assertEquals(true, rows.contains(odd));

        // The same by content negotiation, and the JSON page of the saved audience.
        String negotiated = given().accept("text/csv").queryParam("asOf", Population.AS_OF.toString())
                .when().get("/audiences/{id}/customers", id).then().statusCode(200).extract().asString();
        assertEquals(new String(csv, StandardCharsets.UTF_8), negotiated);
        given().accept(ContentType.JSON).queryParam("asOf", Population.AS_OF.toString()).queryParam("limit", 5)
                .when().get("/audiences/{id}/customers", id).then().statusCode(200)
                .body("count", equalTo(21)).body("customerIds.size()", equalTo(5));
    }

    @Test
    void shouldShowAndListSavedAudiences() {
        long id = save("test audience " + people.run);
        given().when().get("/audiences/{id}", id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("name", equalTo("test audience " + people.run))
                .body("criteria[0].equals", equalTo(people.run))
                .body("createdAt", org.hamcrest.Matchers.notNullValue());
        given().queryParam("after", id - 1).when().get("/audiences").then().statusCode(200)
                .body("id", hasItem((int) id));
    }

    @Test
    void shouldKeepSavedAudiencesUnchanged() throws SQLException {
        long id = save("immutable " + people.run);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE audience SET name = 'changed' WHERE id = " + id));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM audience WHERE id = " + id));
        }
    }

    @Test
    void shouldAnswer404ForUnknownAudience() {
        given().when().get("/audiences/{id}", Long.MAX_VALUE).then().statusCode(404)
                .body("message", equalTo("No audience " + Long.MAX_VALUE));
        given().when().get("/audiences/{id}/customers.csv", Long.MAX_VALUE).then().statusCode(404)
                .contentType(ContentType.JSON);
        given().accept("text/csv").when().get("/audiences/{id}/customers", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void shouldRefuseInvalidAudienceWithoutSavingIt() {
        invalidRequest().contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"criteria\": [{\"event\": \"VISIT\", \"withinDays\": 0, \"atLeast\": 1}]}")
                .when().post("/audiences").then().statusCode(400)
                .body("problems.field", org.hamcrest.Matchers.contains("name", "criteria[0].withinDays"));
        invalidRequest().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"criteria\": [], \"asOf\": \"2026-01-01T00:00:00Z\"}")
                .when().post("/audiences").then().statusCode(400)
                .body("problems.field", org.hamcrest.Matchers.contains("asOf", "criteria"));
        given().queryParam("asOf", "yesterday").when().get("/audiences/{id}/customers.csv", save("x"))
                .then().statusCode(400).body("problems.field", org.hamcrest.Matchers.contains("asOf"));
    }

    /** RFC 4180 with one field per row: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<String> parseCsv(String text) {
        List<String> rows = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                rows.add(field.toString());
                field.setLength(0);
                i++;
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty()) {
            rows.add(field.toString());
        }
        return rows;
    }

    static List<String> sorted(String... ids) {
        return Arrays.stream(ids).sorted().toList();
    }
}
