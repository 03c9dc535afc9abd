package com.tierupgrade.users;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A user replaces their password without SQL; the old one stops working at once. */
@QuarkusTest
class PasswordChangeTest {

    /** A test-profile user of its own (application.properties), so no other test's credentials change. */
    private static final String USER = "rotating";
    private static final String INITIAL = "rotating-initial";
    private static final String NEW = "a-much-better-passphrase";

    @Test
    void shouldReplaceThePasswordAtOnce() {
        change(INITIAL, NEW).then().statusCode(204);
        try {
            as(INITIAL).get("/customers/no-such-customer").then().statusCode(401);
            as(NEW).get("/customers/no-such-customer").then().statusCode(404);
        } finally {
            change(NEW, INITIAL).then().statusCode(204);
        }
        as(INITIAL).get("/customers/no-such-customer").then().statusCode(404);
    }

    @Test
    void shouldRefuseAWeakPassword() {
        change(INITIAL, "short").then().statusCode(400).body("problems[0].field", equalTo("password"));
        change(INITIAL, USER).then().statusCode(400);
        as(INITIAL).get("/customers/no-such-customer").then().statusCode(404);
    }

    private static RequestSpecification as(String password) {
        return Users.anonymous().auth().preemptive().basic(USER, password);
    }

    private static Response change(String password, String newPassword) {
        return as(password).contentType(ContentType.JSON).body("{\"password\": \"" + newPassword + "\"}")
                .put("/users/me/password");
    }
}
