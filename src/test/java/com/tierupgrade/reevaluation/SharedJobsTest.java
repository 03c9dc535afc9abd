package com.tierupgrade.reevaluation;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.Users.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.tierupgrade.cluster.Batch;
import com.tierupgrade.cluster.BatchRun;
import com.tierupgrade.cluster.Instances;
import com.tierupgrade.cluster.Job;
import com.tierupgrade.cluster.JobWorker;
import com.tierupgrade.cluster.Jobs;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A re-evaluation job is shared by instances through the database: two workers (acting as two more instances besides
 * the service's own) claim its batches at once and every customer is re-evaluated exactly once; a batch whose
 * claimer stopped renewing its lease is taken over, and the late claimer can no longer finish it.
 */
@QuarkusTest
class SharedJobsTest {

    private static final int CUSTOMERS = 900;

    @Inject
    Reevaluations reevaluations;
    @Inject
    ReevaluationBatches handler;
    @Inject
    JobWorker worker;
    @Inject
    BatchRun run;
    @Inject
    Jobs jobs;
    @Inject
    Instances instances;
    @Inject
    ActiveRuleSet rules;
    @Inject
    Jdbc jdbc;

    @Test
    void shouldReevaluateEveryCustomerExactlyOnceWhenTwoWorkersShareAJob() throws Exception {
        String prefix = "shared-" + UUID.randomUUID() + "-";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            ids.add(prefix + i);
        }
        ExecutorService posters = Executors.newFixedThreadPool(6);
        List<Future<?>> posts = new ArrayList<>();
        for (String id : ids) {
            posts.add(posters.submit(() -> postFacts(id, (Object) movedOutByTime()).statusCode(200)
                    .body("stage", equalTo("RELIANT"))));
        }
        for (Future<?> post : posts) {
            post.get(120, TimeUnit.SECONDS);
        }
        posters.shutdown();
        awaitNoReevaluationRunning();
        long stored = jdbc.one("SELECT count(*) FROM customer", row -> row.getLong(1)).orElseThrow();

        Reevaluations.Progress started = reevaluations.atCurrentTime();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        Future<Integer> first = workers.submit(() -> {
            go.await();
            return worker.workAs("test-worker-1");
        });
        Future<Integer> second = workers.submit(() -> {
            go.await();
            return worker.workAs("test-worker-2");
        });
        go.countDown();
        int byTestWorkers = first.get(300, TimeUnit.SECONDS) + second.get(300, TimeUnit.SECONDS);
        workers.shutdown();
        Eventually.await(Duration.ofSeconds(120), () -> jobs.find(started.id()).orElseThrow().state().equals("DONE"),
                () -> jobs.find(started.id()).toString());

        Job job = jobs.find(started.id()).orElseThrow();
        assertEquals(job.batches(), job.batchesDone());
        assertEquals(stored, job.customers(), "every stored customer counted once: " + job);
        assertTrue(byTestWorkers > 0 && job.instances().size() >= 2, "shared: " + job);
        assertEquals(List.of(1L), jdbc.list("SELECT DISTINCT attempts::bigint FROM job_batch WHERE job_id = ?",
                row -> row.getLong(1), started.id()), "no batch claimed twice");
        // Every customer of this test moved down once, at the current time, and only once.
        Map<String, Long> timeDowngrades = new HashMap<>();
        jdbc.list("""
                SELECT h.customer_id, count(*) FROM history_entry h JOIN evaluation e ON e.id = h.evaluation_id
                WHERE h.customer_id LIKE ? AND e.cause = 'TIME' AND h.dimension = 'stage' GROUP BY h.customer_id""",
                row -> timeDowngrades.put(row.getString(1), row.getLong(2)), prefix + "%");
        assertEquals(CUSTOMERS, timeDowngrades.size());
        assertTrue(timeDowngrades.values().stream().allMatch(count -> count == 1), timeDowngrades.toString());
        // The progress API shows the same job, with who did it.
        given().get("/reevaluations").then().statusCode(200)
                .body("find { it.id == " + started.id() + " }.state", equalTo("DONE"))
                .body("find { it.id == " + started.id() + " }.customers", equalTo((int) stored))
                .body("find { it.id == " + started.id() + " }.batchesDone", equalTo(job.batches()));
    }

    @Test
    void shouldTakeOverABatchWhoseLeaseRanOut() {
        String customer = "lease-" + UUID.randomUUID();
        postFacts(customer, (Object) movedOutByTime()).statusCode(200);
        awaitNoReevaluationRunning();
        // A job whose middle batch holds just this customer, for a rule-set version only the test's workers serve
        // (the service's own worker leaves it alone), claimed by an instance that then goes silent.
        String version = "lease-test-" + UUID.randomUUID();
        Job job = jobs.create("TIME", "test lease " + version, version, true, "test",
                List.of(customer.substring(0, customer.length() - 1), customer)).job();
        jdbc.update("UPDATE job_batch SET state = 'DONE', customers = 0, changed = 0 WHERE job_id = ? AND seq <> 1",
                job.id());
        jdbc.update("UPDATE job SET batches_done = 2 WHERE id = ?", job.id());
        Batch claimed = jobs.claim("silent-instance", List.of("TIME"), version).orElseThrow();
        assertEquals(job.id(), claimed.jobId());
        assertEquals(1, claimed.seq());
        assertTrue(jobs.claim("another-instance", List.of("TIME"), version).isEmpty(), "claimed once");
        jdbc.update("UPDATE job_batch SET lease_until = now() - interval '1 second' WHERE job_id = ? AND seq = ?",
                job.id(), claimed.seq());

        Batch taken = claimed;
        assertEquals(1, worker.workAs("rescuer", version));
        assertEquals("DONE", jobs.find(taken.jobId()).orElseThrow().state());

        List<String> batch = jdbc.list("SELECT claimed_by || ' ' || attempts || ' ' || state FROM job_batch "
                + "WHERE job_id = ? AND seq = ?", row -> row.getString(1), job.id(), claimed.seq());
        assertEquals(List.of("rescuer 2 DONE"), batch);
        assertFalse(run.run(claimed, "silent-instance", handler), "the silent instance lost the batch");
        assertEquals(1, jobs.find(job.id()).orElseThrow().customers());
        given().get("/customers/{id}/history", customer).then().statusCode(200)
                .body("findAll { it.cause == 'TIME' && it.dimension == 'stage' }.size()", equalTo(1));
    }

    @Test
    void shouldListThisInstanceAliveWithItsRuleSet() {
        Eventually.await(Duration.ofSeconds(30), () -> given().get("/instances").then().statusCode(200).extract()
                .jsonPath().getList("id").contains(instances.id()), () -> "no heartbeat of " + instances.id());
        as(Users.AUDITOR).get("/instances").then().statusCode(200)
                .body("find { it.self }.id", equalTo(instances.id()))
                .body("find { it.self }.rulesetVersion", equalTo(rules.current().version()));
        as(Users.INGEST).get("/instances").then().statusCode(403);
    }

    /** Purchases 95 and 100 days ago, last evaluated 20 days ago: RELIANT then, TRUSTING at the current time. */
    private static Map<String, Object> movedOutByTime() {
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>(facts().with("addedWeCom", true).json());
        body.put("events", List.of(
                Map.of("id", "o1", "type", "PURCHASE", "at", now.minus(Duration.ofDays(100)).toString(), "amount", 300),
                Map.of("id", "o2", "type", "PURCHASE", "at", now.minus(Duration.ofDays(95)).toString(), "amount", 300)));
        body.put("asOf", now.minus(Duration.ofDays(20)).toString());
        return body;
    }

    private static void awaitNoReevaluationRunning() {
        Eventually.await(Duration.ofSeconds(120), () -> !given().get("/reevaluations").then().statusCode(200)
                .extract().jsonPath().getList("state").contains("RUNNING"), () -> "a re-evaluation still runs");
    }
}
