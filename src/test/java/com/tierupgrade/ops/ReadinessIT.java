package com.tierupgrade.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.testing.ShippedRules;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Readiness of the packaged service when its database stops: the test starts a PostgreSQL of its own, runs
 * java -jar against it, stops the database and watches /q/health/ready turn DOWN (503) while liveness stays UP.
 */
class ReadinessIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    void shouldTurnNotReadyWhenTheDatabaseStops() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("readiness-pg"), false);
        Process service = null;
        Path log = Files.createTempFile("readiness-it", ".log");
        try {
            Map<String, String> config = database.datasourceConfig();
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", System.getProperty("quarkus-app.jar"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"));
            env.put("QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"));
            env.put("QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"));
            env.put("QUARKUS_FLYWAY_USERNAME", config.get("quarkus.flyway.username"));
            env.put("QUARKUS_FLYWAY_PASSWORD", config.get("quarkus.flyway.password"));
            env.put("TIERUP_RULES_DIRECTORY", ShippedRules.writeTo(ShippedRules.files()).toString());
            env.put("TIERUP_RULES_WATCH", "false");
            env.put("PORT", "0");
            env.put("MANAGEMENT_PORT", "0");
            service = builder.start();
            int port = awaitPort(service, log);

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
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor();
                }
            }
            if (database != null) {
                database.close();
            }
        }
    }

    private static int awaitPort(Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(LIMIT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service did not start:\n" + Files.readString(log));
    }
}
