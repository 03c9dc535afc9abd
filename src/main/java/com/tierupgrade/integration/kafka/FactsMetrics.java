package com.tierupgrade.integration.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Throughput and lag of the facts consumed from Kafka (docs/operations.md). */
@ApplicationScoped
class FactsMetrics {

    private final Timer stored;
    private final Counter deadLettered;
    private final List<FactsConsumer> consumers = new CopyOnWriteArrayList<>();

    FactsMetrics(MeterRegistry registry) {
        this.stored = Timer.builder("tierup.kafka.facts.stored")
                .description("Facts messages from Kafka stored and evaluated, and how long each took")
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        this.deadLettered = Counter.builder("tierup.kafka.facts.dead.letters")
                .description("Facts messages from Kafka that could not be accepted, sent to the dead-letter topic")
                .register(registry);
        Gauge.builder("tierup.kafka.facts.lag", consumers, list -> list.stream().mapToLong(FactsConsumer::lag).sum())
                .description("Facts messages waiting in the partitions this instance consumes, as of the last poll")
                .register(registry);
    }

    void watch(FactsConsumer consumer) {
        consumers.add(consumer);
    }

    void stored(long nanos) {
        stored.record(nanos, TimeUnit.NANOSECONDS);
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
