package com.tierupgrade.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.PackagedService;
import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.WebhookReceiver;

/**
 * The packaged service is killed (SIGKILL) while posts and webhook deliveries are in flight, then started again on
 * the same database: every committed history entry is announced at least once, and nothing that was not committed.
 */
class OutboxCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedService start(Map<String, String> database, Path rules) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("TIERUP_RULES_DIRECTORY", rules.toString());
        env.put("TIERUP_RULES_WATCH", "false");
        env.put("TIERUP_OUTBOX_POLL_INTERVAL", "50ms");
        env.put("TIERUP_WEBHOOKS_FIRST_RETRY_AFTER", "200ms");
        env.put("TIERUP_WEBHOOKS_MAX_RETRY_AFTER", "1s");
        env.put("TIERUP_WEBHOOKS_TIMEOUT", "3s");
        return PackagedService.start("crash-it", env, Duration.ofSeconds(120));
    }

    @Test
    void shouldAnnounceEveryCommittedEntryAndNothingElseAcrossAKill() throws Exception {
        Path rules = ShippedRules.writeTo(ShippedRules.files());
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("crash-it-pg"), false);
                WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> config = database.datasourceConfig();
            PackagedService first = start(config, rules);
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
            PackagedService second = start(config, rules);
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
