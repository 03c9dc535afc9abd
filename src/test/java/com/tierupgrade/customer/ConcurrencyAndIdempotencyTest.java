package com.tierupgrade.customer;

import static com.tierupgrade.testing.Api.ROOT_STAGE_AND_TIER;
import static com.tierupgrade.testing.Api.STAGE_AND_TIER;
import static com.tierupgrade.testing.Api.customer;
import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConcurrencyAndIdempotencyTest {

    @Test
    void shouldStoreSamePostOnlyOnce() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200).body(STAGE_AND_TIER, hasSize(2));
        postFacts(id, repeatBuyer()).statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("history", empty());
        customer(id).statusCode(200).body("events", hasSize(6));
        history(id).statusCode(200).body(ROOT_STAGE_AND_TIER + ".kind", contains("INITIAL", "INITIAL"));
    }

    @Test
    void shouldReplaceCorrectedEventInsteadOfCountingItTwice() {
        String id = newCustomerId();
        postFacts(id, facts().with("addedWeCom", true).purchases("p", 1, 300, 5)).statusCode(200)
                .body("stage", equalTo("TRUSTING"));
        postFacts(id, facts().event("p0", "PURCHASE", 5, Map.of("amount", 1200))).statusCode(200)
                .body("stage", equalTo("TRUSTING"))
                .body("tier", equalTo("HEAVY_CONSUMER"));
        customer(id).body("events", hasSize(1)).body("events[0].amount", equalTo(1200));
    }

    /** Posts without asOf are evaluated at "now" taken after the lock, so none looks older than one it waited for. */
    @Test
    void shouldKeepEveryEventOfConcurrentPosts() throws Exception {
        String id = newCustomerId();
        int posts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                String eventId = "order-" + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return postFacts(id, facts().with("addedWeCom", true).withoutAsOf()
                            .event(eventId, "PURCHASE", 5, Map.of("amount", 100))).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        customer(id).statusCode(200)
                .body("events", hasSize(posts))
                .body("decision.stage", equalTo("RELIANT"))
                .body("decision.tier", equalTo("HEAVY_CONSUMER"))
                .body("decision.tierReasons", containsInAnyOrder("近90天消费 1200 元(至少 1000 元)", "近90天购买 12 次(至少 4 次)"));
        history(id).statusCode(200)
                .body("findAll { it.kind == 'INITIAL' && it.dimension in ['stage', 'tier'] }.dimension", contains("stage", "tier"));
    }
}
