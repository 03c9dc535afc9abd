package com.tierupgrade.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** HEAD on a path a user may read answers like GET (same status and content type), without a body. */
@QuarkusTest
class HeadRequestTest {

    private static final String CUSTOMER = "head-request-customer";

    @BeforeEach
    void createCustomer() {
        given().contentType(ContentType.JSON).body("{\"attributes\": {\"inGroup\": true}}")
                .post("/customers/{id}/facts", CUSTOMER).then().statusCode(200);
    }

    static List<String> readablePaths() {
        return List.of("/customers/" + CUSTOMER, "/customers/" + CUSTOMER + "/history",
                "/customers/" + CUSTOMER + "/attributes/history", "/customers/no-such-customer", "/history",
                "/warnings", "/dashboard/summary", "/console/index.html", "/rulesets", "/rulesets/current",
                "/cutoffs", "/audiences", "/reevaluations", "/q/openapi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readablePaths")
    void shouldAnswerHeadLikeGet(String path) {
        Response get = given().get(path);
        Response head = given().head(path);
        assertEquals(get.statusCode(), head.statusCode(), "HEAD " + path);
        assertEquals(get.contentType(), head.contentType(), "HEAD " + path);
        assertEquals("", head.asString(), "HEAD " + path + " has no body");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readablePaths")
    void shouldRefuseHeadToThoseWhoMayNotGet(String path) {
        if (path.startsWith("/q/")) {
            return;
        }
        assertEquals(Users.anonymous().get(path).statusCode(), Users.anonymous().head(path).statusCode());
        assertEquals(Users.as(Users.INGEST).get(path).statusCode(), Users.as(Users.INGEST).head(path).statusCode());
    }
}
