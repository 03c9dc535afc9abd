package com.tierupgrade.reevaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.PackagedService;
import com.tierupgrade.testing.RuleCase;
import com.tierupgrade.testing.ShippedRules;

/**
 * Three packaged instances on one PostgreSQL: posts spread over all three lose nothing; a rule-set change saved in
 * each instance's rules folder re-evaluates every stored customer exactly once across the three, and when one of
 * them is killed (SIGKILL) in the middle of that job the other two finish it.
 */
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 900;

    private static PackagedService start(String name, Map<String, String> database, Path rules) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("TIERUP_RULES_DIRECTORY", rules.toString());
        // Three JVMs and the database on a shared 2-core machine: an evaluation can wait far beyond 10 s for a core.
        env.put("TIERUP_RULES_CHECK_TIMEOUT", "180s");
        env.put("TIERUP_EVALUATION_TIMEOUT", "120s");
        env.put("TIERUP_BULK_MAX_DOWNGRADE_SHARE", "1");
        env.put("TIERUP_INSTANCE_ID", name);
        env.put("TIERUP_HEARTBEAT", "1s");
        env.put("TIERUP_JOB_LEASE", "5s");
        env.put("TIERUP_JOB_POLL", "200ms");
        env.put("TIERUP_REEVALUATION_EVERY", "off");
        env.put("TIERUP_CUTOFFS_EVERY", "off");
        return PackagedService.start(name, env, Duration.ofSeconds(300));
    }

    @Test
    void shouldSharePostsAndTheBulkJobAcrossThreeInstancesAndSurviveAKill() throws Exception {
        Map<String, String> shipped = ShippedRules.files();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("cluster-it-pg"), false)) {
            Map<String, String> config = database.datasourceConfig();
            List<Path> folders = new ArrayList<>();
            Map<String, PackagedService> services = new LinkedHashMap<>();
            try {
                for (String name : List.of("a", "b", "c")) {
                    Path folder = ShippedRules.writeTo(shipped);
                    folders.add(folder);
                    // One at a time: the first one creates the schema.
                    services.put(name, start(name, config, folder));
                }
                Eventually.await(Duration.ofSeconds(30), () -> instancesAlive(services.get("a")) == 3,
                        () -> "instances alive: " + instancesAlive(services.get("a")));

                // Two posts per customer, to two different instances at the same time: the row lock serialises them.
                String repeatBuyer = JSON.writeValueAsString(RuleCase.repeatBuyer().json());
                String share = "{\"events\": [{\"id\": \"extra\", \"type\": \"INTERACTION\","
                        + " \"at\": \"2026-02-20T10:00:00Z\", \"kind\": \"LIKE\"}], \"asOf\": \"2026-03-01T12:00:00Z\"}";
                ExecutorService posters = Executors.newFixedThreadPool(3);
                List<PackagedService> all = List.copyOf(services.values());
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < CUSTOMERS; i++) {
                    String id = "cluster-" + i;
                    PackagedService first = all.get(i % 3);
                    PackagedService second = all.get((i + 1) % 3);
                    answers.add(posters.submit(() -> first.call("ingest", "POST", "/customers/" + id + "/facts",
                            repeatBuyer).statusCode()));
                    answers.add(posters.submit(() -> second.call("ingest", "POST", "/customers/" + id + "/facts",
                            share).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(200, answer.get(300, TimeUnit.SECONDS));
                }
                posters.shutdown();
                assertEquals(CUSTOMERS, count(config, "SELECT count(*) FROM tierup.customer"));
                assertEquals(CUSTOMERS * 7L, count(config, "SELECT count(*) FROM tierup.customer_event"),
                        "every event of every post, whichever instance took it");

                // The same rule-set change saved in every instance's folder: one job, shared by the three.
                Map<String, String> changed = ShippedRules.withParameter("reliantMinPurchases", "3");
                String version = RuleSetCompiler.versionOf(changed);
                for (Path folder : folders) {
                    ShippedRules.writeTo(folder, Map.of("parameters.yaml", changed.get("parameters.yaml")));
                }
                Eventually.await(Duration.ofSeconds(300), () -> count(config, "SELECT count(*) FROM tierup.job_batch b"
                        + " JOIN tierup.job j ON j.id = b.job_id WHERE j.kind = 'RULESET_CHANGE' AND j.ruleset_version"
                        + " = '" + version + "' AND b.state = 'DONE'") >= 1, () -> "no batch of " + version + " done");
                String victim = one(config, "SELECT claimed_by FROM tierup.job_batch WHERE state = 'CLAIMED'"
                        + " ORDER BY lease_until DESC LIMIT 1");
                String killedName = services.containsKey(victim) ? victim : "b";
                PackagedService killed = services.get(killedName);
                killed.kill();
                long doneAtKill = count(config, "SELECT batches_done FROM tierup.job WHERE kind = 'RULESET_CHANGE'"
                        + " AND ruleset_version = '" + version + "'");

                Eventually.await(Duration.ofSeconds(600), () -> "DONE".equals(one(config, "SELECT string_agg(state,"
                        + " ',') FROM tierup.job WHERE kind = 'RULESET_CHANGE' AND ruleset_version = '" + version + "'")),
                        () -> "job states: " + one(config, "SELECT string_agg(state || ' ' || batches_done || '/'"
                                + " || batches, ',') FROM tierup.job WHERE kind = 'RULESET_CHANGE'"));
                assertEquals(1, count(config, "SELECT count(*) FROM tierup.job WHERE kind = 'RULESET_CHANGE'"
                        + " AND ruleset_version = '" + version + "'"), "three activations, one job");
                assertEquals(CUSTOMERS, count(config, "SELECT customers FROM tierup.job WHERE kind = 'RULESET_CHANGE'"
                        + " AND ruleset_version = '" + version + "'"));
                // Every customer moved down exactly once by the change: RELIANT, now TRUSTING.
                assertEquals(CUSTOMERS, count(config, "SELECT count(*) FROM tierup.history_entry h JOIN"
                        + " tierup.evaluation e ON e.id = h.evaluation_id WHERE e.cause = 'RULESET_CHANGE'"
                        + " AND h.dimension = 'stage'"));
                assertEquals(CUSTOMERS, count(config, "SELECT count(DISTINCT h.customer_id) FROM tierup.history_entry h"
                        + " JOIN tierup.evaluation e ON e.id = h.evaluation_id WHERE e.cause = 'RULESET_CHANGE'"
                        + " AND h.dimension = 'stage'"));
                String workers = one(config, "SELECT string_agg(DISTINCT claimed_by, ',' ORDER BY claimed_by)"
                        + " FROM tierup.job_batch b JOIN tierup.job j ON j.id = b.job_id WHERE j.kind = 'RULESET_CHANGE'"
                        + " AND j.ruleset_version = '" + version + "'");
                long takenOver = count(config, "SELECT count(*) FROM tierup.job_batch WHERE attempts > 1");
                System.out.printf("ClusterIT: %d customers posted over 3 instances; job of %s done by %s; %s killed"
                        + " after %d batches; %d batches taken over%n", CUSTOMERS, version, workers, killedName,
                        doneAtKill, takenOver);
                assertTrue(workers.split(",").length >= 2, "shared: " + workers);
                assertTrue(doneAtKill < CUSTOMERS / Reevaluations.BATCH_SIZE, "killed in the middle of the job");
                PackagedService survivor = services.values().stream().filter(s -> s != killed).findFirst()
                        .orElseThrow();
                Eventually.await(Duration.ofSeconds(30), () -> instancesAlive(survivor) == 2,
                        () -> "instances alive: " + instancesAlive(survivor));
            } finally {
                for (PackagedService service : services.values()) {
                    service.close();
                }
            }
        }
    }

    private static int instancesAlive(PackagedService service) {
        try {
            return JSON.readTree(service.call("auditor", "GET", "/instances", null).body()).size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long count(Map<String, String> config, String sql) {
        String value = one(config, sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String one(Map<String, String> config, String sql) {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
