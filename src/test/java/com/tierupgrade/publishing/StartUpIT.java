package com.tierupgrade.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.PackagedService;
import com.tierupgrade.testing.ShippedRules;

/**
 * A restart on an existing database activates the published rule set without gating it again (issue 17, goal 6):
 * the scenarios it passed when it was published run once more in the background, and a failure there is reported
 * while the published rules keep serving (before, the start stopped on it). Prints how long each start took.
 */
class StartUpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAILING_SCENARIO = """
            - name: a scenario this build of the service does not pass
              asOf: 2026-11-20T00:00:00Z
              attributes: {addedWeCom: true}
              events: []
              expect:
                tier: DISTRIBUTOR
            """;

    @Test
    void shouldServeThePublishedRulesAtOnceAndReportScenariosThatNoLongerPass() throws Exception {
        Path rules = ShippedRules.writeTo(ShippedRules.files());
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("start-up-it-pg"), false)) {
            Map<String, String> env = new HashMap<>(PackagedService.databaseEnvironment(database.datasourceConfig()));
            env.put("TIERUP_RULES_DIRECTORY", rules.toString());
            env.put("TIERUP_RULES_WATCH", "false");
            env.put("TIERUP_RULES_CHECK_TIMEOUT", "180s");
            String version;
            long first = System.nanoTime();
            try (PackagedService service = PackagedService.start("start-up-1", env, Duration.ofSeconds(300))) {
                System.out.printf("first start (migrations, folder published): %d ms%n", millisSince(first));
                version = activeVersion(service);
            }

            // The scenarios stored with the publication no longer pass on "this build" (written past the
            // append-only trigger by the superuser: a stand-in for a service upgrade that changes an outcome).
            try (Connection owner = connectAsOwner(database.datasourceConfig());
                    PreparedStatement update = owner.prepareStatement(
                            "UPDATE tierup.ruleset_activation SET scenarios = ?::jsonb")) {
                owner.createStatement().execute("SET session_replication_role = replica");
                update.setString(1, JSON.writeValueAsString(Map.of("scenarios/changed.yaml", FAILING_SCENARIO)));
                assertTrue(update.executeUpdate() > 0);
            }

            long second = System.nanoTime();
            try (PackagedService service = PackagedService.start("start-up-2", env, Duration.ofSeconds(300))) {
                System.out.printf("restart on the existing database: %d ms to listening%n", millisSince(second));
                assertEquals(version, activeVersion(service), "the published version serves without a new gate");
                Eventually.await(Duration.ofSeconds(120),
                        () -> output(service).contains("fails them on this build of the service"),
                        () -> output(service));
                assertEquals(200, service.call("ingest", "POST", "/customers/c-1/facts",
                        "{\"attributes\": {\"addedWeCom\": true}, \"events\": []}").statusCode());
            }
        }
    }

    private static String activeVersion(PackagedService service) throws Exception {
        JsonNode ready = JSON.readTree(service.call("auditor", "GET", "/q/health/ready", null).body());
        for (JsonNode check : ready.get("checks")) {
            if (check.get("name").asText().equals("Active rule set")) {
                return check.get("data").get("version").asText();
            }
        }
        throw new AssertionError("no active rule set: " + ready);
    }

    private static String output(PackagedService service) {
        try {
            return service.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection connectAsOwner(Map<String, String> config) throws Exception {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.flyway.username"), config.get("quarkus.flyway.password"));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
