package com.tierupgrade.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The service's HTTP endpoints as the tests call them. */
public final class Api {

    /** GPath of the history entries of a facts answer that are about stage or tier (other dimensions left out). */
    public static final String STAGE_AND_TIER = "history.findAll { it.dimension in ['stage', 'tier'] }";
    /** The same, over a history list (GET /customers/{id}/history). */
    public static final String ROOT_STAGE_AND_TIER = "findAll { it.dimension in ['stage', 'tier'] }";

    private Api() {
    }

    public static ValidatableResponse postFacts(String customerId, FactsBody body) {
        return postFacts(customerId, (Object) body.json());
    }

    /** Posts any body, e.g. raw text for malformed JSON. */
    public static ValidatableResponse postFacts(String customerId, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/customers/{id}/facts", customerId)
                .then();
    }

    /** Posts a body that is invalid on purpose (wrong types, missing fields, not JSON): only the answer is checked. */
    public static ValidatableResponse postInvalidFacts(String customerId, Object body) {
        return OpenApiContract.invalidRequest().contentType(ContentType.JSON).body(body)
                .when().post("/customers/{id}/facts", customerId)
                .then();
    }

    public static ValidatableResponse customer(String customerId) {
        return given().when().get("/customers/{id}", customerId).then();
    }

    public static ValidatableResponse history(String customerId) {
        return given().when().get("/customers/{id}/history", customerId).then();
    }
}
