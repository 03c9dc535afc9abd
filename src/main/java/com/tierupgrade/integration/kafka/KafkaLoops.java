package com.tierupgrade.integration.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.facts.FactLimits;
import com.tierupgrade.facts.LimitsConfig;
import com.tierupgrade.integration.Loop;
import com.tierupgrade.rules.engine.ActiveRuleSet;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Starts the announcement publisher and the facts consumers when Kafka is configured, and stops them. */
@ApplicationScoped
class KafkaLoops {

    private static final Logger LOG = Logger.getLogger(KafkaLoops.class);
    private static final Duration PUBLISH_IDLE = Duration.ofMillis(100);
    private static final int PUBLISH_BATCH = 500;

    private final KafkaConfig config;
    private final AnnouncementPublisher publisher;
    private final CustomerService customers;
    private final ObjectMapper json;
    private final FactsMetrics metrics;
    private final FactLimits limits;
    private final ActiveRuleSet rules;
    private final List<FactsConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<String, String> producer;
    private Loop publishing;

    KafkaLoops(KafkaConfig config, AnnouncementPublisher publisher, CustomerService customers, ObjectMapper json,
            FactsMetrics metrics, LimitsConfig limits, ActiveRuleSet rules) {
        this.config = config;
        this.publisher = publisher;
        this.customers = customers;
        this.json = json;
        this.metrics = metrics;
        this.limits = FactLimits.of(limits);
        this.rules = rules;
    }

    void start(@Observes StartupEvent started) {
        if (!config.configured()) {
            return;
        }
        producer = KafkaClients.producer(config, "tier-upgrade-producer");
        if (config.publishAnnouncements()) {
            publishing = Loop.start("kafka-announcements", PUBLISH_IDLE, () -> publisher.publish(producer, PUBLISH_BATCH));
        }
        if (config.consumeFacts()) {
            for (int i = 0; i < config.consumers(); i++) {
                FactsConsumer consumer = new FactsConsumer(config,
                        KafkaClients.consumer(config, "tier-upgrade-facts-" + i), producer, customers, json, metrics, limits, rules);
                metrics.watch(consumer);
                consumers.add(consumer);
                Thread thread = new Thread(consumer, "kafka-facts-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
        LOG.infof("Kafka at %s: announcements to %s (%s), facts from %s (%s)", config.bootstrapServers().get(),
                config.announcementsTopic(), config.publishAnnouncements() ? "on" : "off", config.factsTopic(),
                config.consumeFacts() ? config.consumers() + " consumers" : "off");
    }

    void stop(@Observes ShutdownEvent stopping) {
        consumers.forEach(FactsConsumer::stop);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publishing != null) {
            publishing.stop();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
