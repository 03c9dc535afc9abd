package com.tierupgrade.integration.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.customer.EvaluationTimeBehind;
import com.tierupgrade.facts.FactLimits;
import com.tierupgrade.rules.engine.ActiveRuleSet;

/**
 * One consumer thread of the facts topic. Each message is stored and evaluated exactly as a POST is, in its own
 * transaction; offsets are committed only after those commits, so a crash re-reads messages (harmless: event ids make
 * a resend change nothing). A message that can never be accepted goes to the dead-letter topic with its reason and
 * the partition moves on; a failure that may pass (database down) retries the same message after a pause.
 */
final class FactsConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(FactsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(2);

    private final KafkaConfig config;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> deadLetters;
    private final CustomerService customers;
    private final ObjectMapper json;
    private final FactsMetrics metrics;
    private final FactLimits limits;
    private final ActiveRuleSet rules;
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running = true;

    FactsConsumer(KafkaConfig config, KafkaConsumer<String, String> consumer, KafkaProducer<String, String> deadLetters,
            CustomerService customers, ObjectMapper json, FactsMetrics metrics, FactLimits limits, ActiveRuleSet rules) {
        this.config = config;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.customers = customers;
        this.json = json;
        this.metrics = metrics;
        this.limits = limits;
        this.rules = rules;
    }

    /** Messages in the assigned partitions not consumed yet, as of the last poll. */
    long lag() {
        return lag.get();
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(config.factsTopic()));
            while (running) {
                try {
                    consumeOnce();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A lost commit only means messages are read again; the loop must go on.
                    LOG.warnf("Consuming %s failed, going on in %s: %s", config.factsTopic(), AFTER_FAILURE, e.toString());
                    pause();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void consumeOnce() {
        ConsumerRecords<String, String> records = consumer.poll(POLL);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (!handle(record)) {
                    // Neither stored nor a dead letter: read it again after a pause, and nothing after it before.
                    consumer.seek(partition, record.offset());
                    pause();
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        updateLag();
    }

    /** True when the message is done with: stored, or sent to the dead letters. */
    private boolean handle(ConsumerRecord<String, String> record) {
        long start = System.nanoTime();
        try {
            customers.receiveFacts(record.key(), FactsMessage.read(json, record.key(), record.value(), Instant.now(),
                    limits, rules.current().events()));
            metrics.stored(System.nanoTime() - start);
            return true;
        } catch (FactsMessage.Unacceptable e) {
            return deadLetter(record, e.getMessage());
        } catch (EvaluationTimeBehind e) {
            return deadLetter(record, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Facts message %s-%d@%d not stored, trying again in %s: %s", record.topic(), record.partition(),
                    record.offset(), AFTER_FAILURE, e.toString());
            return false;
        }
    }

    private boolean deadLetter(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(config.factsDeadLetterTopic(), record.key(),
                record.value());
        dead.headers().add("tierup-error", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("tierup-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("tierup-original-partition",
                String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("tierup-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Could not send a dead letter for %s-%d@%d, trying again: %s", record.topic(), record.partition(),
                    record.offset(), e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        LOG.infof("Facts message %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                config.factsDeadLetterTopic(), reason);
        metrics.deadLettered();
        return true;
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    private void pause() {
        try {
            Thread.sleep(AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
