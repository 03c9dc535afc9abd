package com.tierupgrade.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.testing.PackagedService;
import com.tierupgrade.testing.ShippedRules;

/**
 * Two packaged services on one database: a publication (or roll-back) on either is active on the other within 2 s,
 * through LISTEN/NOTIFY (the periodic check is set to a minute here, so it cannot be what makes it).
 */
class PublicationAcrossInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WITHIN = Duration.ofSeconds(2);

    private record Service(Process process, Path log, int port) implements AutoCloseable {

        static Service start(Map<String, String> database, Path rules) throws Exception {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("TIERUP_RULES_DIRECTORY", rules.toString());
            env.put("TIERUP_RULES_WATCH", "false");
            env.put("TIERUP_RULES_CHECK_EVERY", "60s");
            env.put("TIERUP_REEVALUATION_EVERY", "off");
            // Start-up takes over a minute on a shared machine.
            PackagedService app = PackagedService.start("instances-it", env, Duration.ofSeconds(300));
            return new Service(app.process(), app.log(), app.port());
        }

        JsonNode call(String user, String method, String path, Object body, int expected) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(300)) // the first publish compiles and simulates in a cold JVM
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
            return JSON.readTree(response.body());
        }

        /** Waits (up to 5 minutes on a loaded machine) until the log has {@code line}. */
        void awaitLog(String line) throws Exception {
            Instant deadline = Instant.now().plusSeconds(300);
            while (Instant.now().isBefore(deadline)) {
                if (Files.readString(log).contains(line)) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no '" + line + "' in the log:\n" + Files.readString(log));
        }

        String activeVersion() throws Exception {
            return call("auditor", "GET", "/rulesets/current", null, 200).get("version").asText();
        }

        /** How long until this instance serves {@code version}, checked every 20 ms for at most 10 s. */
        Duration untilActive(String version, Instant since) throws Exception {
            Instant deadline = since.plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                if (activeVersion().equals(version)) {
                    return Duration.between(since, Instant.now());
                }
                Thread.sleep(20);
            }
            throw new AssertionError(version + " not active after 10 s; log:\n" + Files.readString(log));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void shouldActivateAPublicationOnTheOtherInstanceWithinTwoSeconds() throws Exception {
        Path rules = ShippedRules.writeTo(ShippedRules.files());
        ShippedRules.writeTo(rules, Map.of("scenarios/basic.yaml", DraftPublishingTest.BASIC_SCENARIO));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("instances-it-pg"), false);
                Service first = Service.start(database.datasourceConfig(), rules);
                Service second = Service.start(database.datasourceConfig(), rules)) {
            String shipped = first.activeVersion();
            assertEquals(shipped, second.activeVersion(), "the second instance serves the same publication");

            JsonNode draft = first.call("editor", "POST", "/rulesets/drafts", Map.of("title", "依靠需要三次购买",
                    "files", DraftPublishingTest.threePurchases()), 201);
            long id = draft.get("id").asLong();
            // The editor checks the draft before publishing it; meanwhile every instance checks it ahead (compiled,
            // scenarios run), which is what lets the other one swap within 2 s instead of compiling then.
            assertTrue(first.call("editor", "POST", "/rulesets/drafts/" + id + "/validate", null, 200).get("valid")
                    .asBoolean());
            second.awaitLog("checked ahead of its publication: ready");
            JsonNode published = first.call("editor", "POST", "/rulesets/drafts/" + id + "/publish",
                    Map.of("revision", 1, "comment", "两个实例"), 200);
            Instant publishedAt = Instant.now();
            String version = published.get("version").asText();
            assertNotEquals(shipped, version);
            Duration seen = second.untilActive(version, publishedAt);
            assertTrue(seen.compareTo(WITHIN) <= 0, "active on the other instance after " + seen);
            assertEquals("PUBLISH", second.call("auditor", "GET", "/rulesets/current", null, 200).get("trigger")
                    .asText());

            second.call("editor", "POST", "/rulesets/" + shipped + "/rollback", Map.of("comment", "改回"), 200);
            Instant rolledBackAt = Instant.now();
            Duration back = first.untilActive(shipped, rolledBackAt);
            assertTrue(back.compareTo(WITHIN) <= 0, "roll-back active on the first instance after " + back);
            System.out.printf("publication seen on the other instance after %d ms, roll-back after %d ms%n",
                    seen.toMillis(), back.toMillis());
        }
    }
}
