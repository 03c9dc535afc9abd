package com.tierupgrade.ops;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.testing.Endpoints;
import com.tierupgrade.testing.OpenApiContract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document describes every endpoint of the resources, with the examples integrators need. */
@QuarkusTest
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void shouldGiveEveryOperationItsOwnOperationId() {
        Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
        Map<String, String> owners = new TreeMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String id = (String) operation.get("operationId");
            assertNotNull(id, method + " " + path + " has no operationId");
            String other = owners.put(id, method.toUpperCase() + " " + path);
            assertNull(other, "operationId " + id + " is used by " + other + " and " + method + " " + path);
        }));
    }

    @Test
    void shouldDocumentTheErrorsEveryOperationCanAnswer() {
        Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Set<String> statuses = ((Map<String, Object>) operation.get("responses")).keySet();
            for (String status : List.of("400", "401", "403", "503")) {
                assertTrue(statuses.contains(status), method + " " + path + " does not document " + status);
            }
            if (operation.containsKey("requestBody")) {
                assertTrue(statuses.containsAll(Set.of("413", "415")), method + " " + path + " takes a body "
                        + "but does not document 413 and 415");
            }
        }));
    }

    @Test
    void shouldRequireBasicCredentialsEverywhereWithOneScheme() {
        JsonPath doc = document();
        assertEquals(Set.of("basic"), doc.getMap("components.securitySchemes").keySet());
        assertEquals(List.of(Map.of("basic", List.of())), doc.getList("security"));
    }

    /** The examples are answers as the service gives them: each matches the schema of its operation and status. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveExamplesThatMatchTheDocument() throws JsonProcessingException {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Map<String, Map<String, Object>> shared = doc.getMap("components.responses");
        int checked = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                var responses = (Map<String, Map<String, Object>>) operation.getValue().get("responses");
                for (var response : responses.entrySet()) {
                    Map<String, Object> answer = response.getValue();
                    if (answer.get("$ref") instanceof String ref) {
                        answer = shared.get(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    for (Object example : examples(answer)) {
                        OpenApiContract.assertAnswerMatches(operation.getKey().toUpperCase(),
                                path.getKey().replaceAll("\\{[^}]+}", "1"), Integer.parseInt(response.getKey()),
                                "application/json", JSON.writeValueAsString(example));
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 10, "examples checked: " + checked);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> examples(Map<String, Object> answer) {
        var content = (Map<String, Map<String, Object>>) answer.get("content");
        Map<String, Object> json = content == null ? null : content.get("application/json");
        if (json == null) {
            return List.of();
        }
        List<Object> examples = new ArrayList<>();
        if (json.containsKey("example")) {
            examples.add(json.get("example"));
        }
        var named = (Map<String, Map<String, Object>>) json.getOrDefault("examples", Map.of());
        named.values().forEach(example -> examples.add(example.get("value")));
        return examples;
    }

    @Test
    void shouldServeSwaggerUi() {
        io.restassured.RestAssured.given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger-ui"));
    }
}
