package com.tierupgrade.ops;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Endpoints;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document describes every endpoint of the resources, with the examples integrators need. */
@QuarkusTest
class OpenApiTest {

    private static JsonPath document() {
        return io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldDescribeEveryEndpointAndNoOther() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        Set<String> described = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet()
                .forEach(method -> described.add(method.toUpperCase() + " " + path)));
        Set<String> declared = new TreeSet<>(Endpoints.all().stream().map(Endpoints.Endpoint::toString).toList());
        assertEquals(declared, described);
    }

    @Test
    void shouldGiveExamplesForPostingFactsAndTheErrorShape() {
        JsonPath doc = document();
        String post = "paths.'/customers/{customerId}/facts'.post";
        assertNotNull(doc.get(post + ".requestBody.content.'application/json'.examples.'first post'.value.events"));
        assertNotNull(doc.get(post + ".requestBody.content.'application/json'.schema"), "schema read from the code");
        assertEquals("DISTRIBUTOR", doc.getString(
                post + ".responses.'200'.content.'application/json'.examples.'held back'.value.heldBack[0].tier"));
        assertEquals("events[0].amount", doc.getString(
                "components.responses.InvalidFacts.content.'application/json'.example.problems[0].field"));
        Map<String, Object> errorFields = doc.getMap("components.schemas.ApiError.properties");
        assertEquals(Set.of("status", "error", "message", "problems"), errorFields.keySet());
        assertEquals("basic", doc.getString("components.securitySchemes.basic.scheme"));
    }

    @Test
    void shouldEveryOperationHaveASummary() {
        Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> assertTrue(
                operation.get("summary") != null, method + " " + path + " has no summary")));
    }

    @Test
    void shouldServeSwaggerUi() {
        io.restassured.RestAssured.given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger-ui"));
    }
}
