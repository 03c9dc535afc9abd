package com.tierupgrade.integration.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.tierupgrade.integration.Loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The delivery threads: each claims a batch of due deliveries, sends them all at once and records the outcomes. A
 * receiver that hangs holds up only the batch it is in, for at most the timeout; {@code POST /facts} never waits.
 */
@ApplicationScoped
class WebhookWorkers {

    /** A claim outlives the try by this much, so a slow commit is not taken for a crash. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final WebhooksConfig config;
    private final Counter delivered;
    private final Counter failed;
    private final Counter dead;
    private final List<Loop> loops = new ArrayList<>();

    WebhookWorkers(Deliveries deliveries, WebhookSender sender, WebhooksConfig config, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
        this.delivered = outcomes(registry, "delivered");
        this.failed = outcomes(registry, "failed");
        this.dead = outcomes(registry, "dead");
    }

    void start(@Observes StartupEvent started) {
        for (int i = 0; i < config.workers(); i++) {
            loops.add(Loop.start("webhook-worker-" + i, config.pollInterval(), this::deliverBatch));
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        loops.forEach(Loop::stop);
    }

    /** Claims, sends and records one batch; answers its size (0 when nothing was due). */
    int deliverBatch() {
        List<Deliveries.Claimed> claimed = deliveries.claim(config.batchSize(), config.timeout().plus(LEASE_MARGIN));
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<WebhookSender.Outcome>> sends = claimed.stream().map(sender::send).toList();
        List<WebhookSender.Outcome> outcomes = sends.stream().map(CompletableFuture::join).toList();
        deliveries.record(outcomes);
        for (WebhookSender.Outcome outcome : outcomes) {
            if (outcome.delivered()) {
                delivered.increment();
            } else if (outcome.delivery().attempt() >= config.maxAttempts()) {
                dead.increment();
            } else {
                failed.increment();
            }
        }
        return claimed.size();
    }

    private static Counter outcomes(MeterRegistry registry, String outcome) {
        return Counter.builder("tierup.webhook.deliveries")
                .description("Webhook delivery tries: delivered, failed (retried later) or dead (tries exhausted)")
                .tag("outcome", outcome).register(registry);
    }
}
