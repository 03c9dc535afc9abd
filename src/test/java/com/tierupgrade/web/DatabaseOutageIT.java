package com.tierupgrade.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.testing.PackagedService;
import com.tierupgrade.testing.ShippedRules;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A database outage seen from outside, on the packaged service: the test starts a PostgreSQL of its own, runs
 * java -jar against it, stops the database and expects 503 with Retry-After and a JSON body on every kind of
 * request (writes, reads, history queries, logins that cannot be checked, readiness whatever the credentials); then
 * starts the database again on the same port and data and expects the service to recover by itself, with every
 * acknowledged write still there.
 */
class DatabaseOutageIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String FACTS = "{\"attributes\": {\"inGroup\": true}, \"events\": [{\"id\": \"o1\", "
            + "\"type\": \"PURCHASE\", \"at\": \"2026-11-01T00:00:00Z\", \"amount\": 300}]}";

    private int port;

    @Test
    void shouldAnswer503WhileTheDatabaseIsDownAndRecoverByItself() throws Exception {
        Path data = Files.createTempDirectory("outage-pg");
        int databasePort = freePort();
        EmbeddedDatabase database = EmbeddedDatabase.start(data, true, databasePort);
        PackagedService service = null;
        try {
            Map<String, String> env = new HashMap<>(PackagedService.databaseEnvironment(database.datasourceConfig()));
            env.put("TIERUP_RULES_DIRECTORY", ShippedRules.writeTo(ShippedRules.files()).toString());
            env.put("TIERUP_RULES_WATCH", "false");
            service = PackagedService.start("outage-it", env, LIMIT);
            port = service.port();
            assertTrue(service.output().matches("(?s).*Management interface listening on http://127\\.0\\.0\\.1:.*"),
                    "the management interface listens on localhost only by default:\n" + service.output());

            as("ingest").contentType(ContentType.JSON).body(FACTS).post("/customers/before-outage/facts")
                    .then().statusCode(200);

            database.close();
            database = null;

            unavailable(as("ingest").contentType(ContentType.JSON).body(FACTS).post("/customers/during-outage/facts"));
            unavailable(as("auditor").get("/customers/before-outage"));
            unavailable(as("auditor").get("/history"));
            unavailable(as("auditor").accept("text/csv").get("/history"));
            unavailable(as("editor").get("/audiences"));
            unavailable(as("editor").contentType(ContentType.JSON)
                    .body("{\"criteria\": [{\"attribute\": \"inGroup\", \"equals\": true}]}").post("/audiences/preview"));
            unavailable(as("auditor").get("/customers/before-outage/history"));
            unavailable(as("auditor").get("/customers/before-outage/explanation"));
            unavailable(as("auditor").get("/warnings"));
            unavailable(as("auditor").get("/dashboard/summary"));
            unavailable(as("editor").get("/rulesets"));
            // A password cannot be checked without the database: 503, not 401 (it may be right) nor 200.
            unavailable(RestAssured.given().port(port).auth().preemptive().basic("auditor", "wrong")
                    .get("/customers/before-outage"));
            // Without credentials nothing needs the database to say 401.
            RestAssured.given().port(port).get("/customers/before-outage").then().statusCode(401);
            RestAssured.given().port(port).get("/q/health/ready").then().statusCode(503);
            RestAssured.given().port(port).auth().preemptive().basic("auditor", "auditor").get("/q/health/ready")
                    .then().statusCode(503);
            RestAssured.given().port(port).auth().preemptive().basic("auditor", "wrong").get("/q/health/ready")
                    .then().statusCode(503);
            RestAssured.given().port(port).get("/q/health/live").then().statusCode(200);

            database = EmbeddedDatabase.start(data, true, databasePort);
            awaitReady();
            as("auditor").get("/customers/before-outage").then().statusCode(200)
                    .body("events[0].id", equalTo("o1"));
            as("auditor").get("/customers/during-outage").then().statusCode(404);
            as("ingest").contentType(ContentType.JSON).body(FACTS).post("/customers/during-outage/facts")
                    .then().statusCode(200);
            RestAssured.given().port(port).auth().preemptive().basic("auditor", "wrong").get("/customers/before-outage")
                    .then().statusCode(401);
        } finally {
            if (service != null) {
                service.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    private RequestSpecification as(String user) {
        return RestAssured.given().port(port).auth().preemptive().basic(user, user);
    }

    private static ValidatableResponse unavailable(Response response) {
        return response.then().statusCode(503).header("Retry-After", "5").contentType(ContentType.JSON)
                .body("status", equalTo(503)).body("message", containsString("database is unavailable"));
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        while (RestAssured.given().port(port).get("/q/health/ready").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "the service did not become ready again");
            Thread.sleep(250);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
