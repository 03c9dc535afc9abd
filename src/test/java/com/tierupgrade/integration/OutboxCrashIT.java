package com.tierupgrade.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.WebhookReceiver;

/**
 * The packaged service is killed (SIGKILL) while posts and webhook deliveries are in flight, then started again on
 * the same database: every committed history entry is announced at least once, and nothing that was not committed.
 */
class OutboxCrashIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Service(Process process, Path log, int port) {

        static Service start(Map<String, String> database, Path rules) throws Exception {
            Path log = Files.createTempFile("tierup-crash-it", ".log");
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", System.getProperty("quarkus-app.jar"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE") || name.startsWith("TIERUP_"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("TIERUP_RULES_DIRECTORY", rules.toString());
            env.put("TIERUP_RULES_WATCH", "false");
            env.put("TIERUP_OUTBOX_POLL_INTERVAL", "50ms");
            env.put("TIERUP_WEBHOOKS_FIRST_RETRY_AFTER", "200ms");
            env.put("TIERUP_WEBHOOKS_MAX_RETRY_AFTER", "1s");
            env.put("TIERUP_WEBHOOKS_TIMEOUT", "3s");
            env.put("PORT", "0");
            env.put("MANAGEMENT_PORT", "0");
            Process process = builder.start();
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                Matcher listening = LISTENING.matcher(Files.readString(log));
                if (listening.find()) {
                    return new Service(process, log, Integer.parseInt(listening.group(1)));
                }
                Thread.sleep(200);
            }
            throw new AssertionError("service did not start:\n" + Files.readString(log));
        }

        HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldAnnounceEveryCommittedEntryAndNothingElseAcrossAKill() throws Exception {
        Path rules = ShippedRules.writeTo(ShippedRules.files());
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("crash-it-pg"), false);
                WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> config = database.datasourceConfig();
            Service first = Service.start(config, rules);
            HttpResponse<String> created = first.call("editor", "POST", "/webhooks",
                    "{\"url\": \"" + receiver.url() + "\", \"secret\": \"crash-test-secret-0123\"}");
            assertEquals(201, created.statusCode(), created.body());
            // Slow answers keep deliveries in flight when the kill comes.
            receiver.delay(150);

            AtomicBoolean posting = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            ExecutorService posters = Executors.newFixedThreadPool(4);
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                posters.submit(() -> {
                    for (int i = 0; posting.get(); i++) {
                        String body = "{\"attributes\": {\"addedWeCom\": true, \"inGroup\": " + (i % 2 == 0) + "},"
                                + " \"events\": [{\"id\": \"o" + i + "\", \"type\": \"PURCHASE\","
                                + " \"at\": \"2026-01-0" + (1 + i % 9) + "T10:00:00Z\", \"amount\": 300}]}";
                        try {
                            if (first.call("ingest", "POST", "/customers/crash-" + t + "-" + (i % 25) + "/facts", body)
                                    .statusCode() == 200) {
                                answered.incrementAndGet();
                            }
                        } catch (Exception killed) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            Eventually.await(Duration.ofSeconds(60), () -> answered.get() >= 60 && !receiver.accepted().isEmpty(),
                    () -> answered.get() + " posts answered, " + receiver.accepted().size() + " deliveries");
            first.kill();
            posting.set(false);
            posters.shutdown();
            assertTrue(posters.awaitTermination(60, TimeUnit.SECONDS));
            int deliveredBeforeKill = receiver.accepted().size();

            receiver.delay(0);
            Service second = Service.start(config, rules);
            try {
                Set<Long> committed = historyEntryIds(config);
                Eventually.await(Duration.ofSeconds(120), () -> announced(receiver).containsAll(committed),
                        () -> committed.size() + " committed entries, " + announced(receiver).size() + " announced");
                Set<Long> uncommitted = new HashSet<>(announced(receiver));
                uncommitted.removeAll(historyEntryIds(config));
                assertEquals(Set.of(), uncommitted, "announced but never committed");
                System.out.printf("OutboxCrashIT: %d posts answered before the kill, %d deliveries before it, "
                        + "%d committed entries, all announced (%d deliveries in all)%n", answered.get(),
                        deliveredBeforeKill, committed.size(), receiver.accepted().size());
                assertTrue(deliveredBeforeKill > 0 && deliveredBeforeKill < receiver.accepted().size(),
                        "deliveries were in flight: " + deliveredBeforeKill + " before the kill, "
                                + receiver.accepted().size() + " in all");
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Set<Long> announced(WebhookReceiver receiver) {
        Set<Long> ids = new HashSet<>();
        for (WebhookReceiver.Received received : receiver.accepted()) {
            try {
                ids.add(JSON.readTree(received.body()).get("id").asLong());
            } catch (IOException e) {
                throw new AssertionError(received.body(), e);
            }
        }
        return ids;
    }

    private static Set<Long> historyEntryIds(Map<String, String> config) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                "postgres", "postgres");
                ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM tierup.history_entry")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
