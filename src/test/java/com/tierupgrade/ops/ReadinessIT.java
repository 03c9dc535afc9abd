package com.tierupgrade.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.testing.PackagedService;
import com.tierupgrade.testing.ShippedRules;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Readiness of the packaged service when its database stops: the test starts a PostgreSQL of its own, runs
 * java -jar against it, stops the database and watches /q/health/ready turn DOWN (503) while liveness stays UP.
 */
class ReadinessIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    void shouldTurnNotReadyWhenTheDatabaseStops() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("readiness-pg"), false);
        PackagedService service = null;
        try {
            Map<String, String> env = new HashMap<>(PackagedService.databaseEnvironment(database.datasourceConfig()));
            env.put("TIERUP_RULES_DIRECTORY", ShippedRules.writeTo(ShippedRules.files()).toString());
            env.put("TIERUP_RULES_WATCH", "false");
            service = PackagedService.start("readiness-it", env, LIMIT);
            int port = service.port();

            JsonPath ready = RestAssured.given().port(port).get("/q/health/ready").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("UP", ready.getString("checks.find { it.name == 'Database connections health check' }.status"));
            assertEquals("UP", ready.getString("checks.find { it.name == 'Active rule set' }.status"));

            database.close();
            database = null;

            JsonPath down = RestAssured.given().port(port).get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN")).extract().jsonPath();
            assertEquals("DOWN", down.getString("checks.find { it.name == 'Database connections health check' }.status"));
            assertEquals("UP", down.getString("checks.find { it.name == 'Active rule set' }.status"));
            RestAssured.given().port(port).get("/q/health/live").then().statusCode(200);
        } finally {
            if (service != null) {
                service.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }
}
