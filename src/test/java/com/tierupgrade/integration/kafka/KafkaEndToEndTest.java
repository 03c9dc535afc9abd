package com.tierupgrade.integration.kafka;

import static com.tierupgrade.testing.Api.customer;
import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.FactsBody;
import com.tierupgrade.testing.KafkaBroker;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Kafka in → evaluation and history → Kafka out, against a real broker, with poison messages on the way. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class KafkaEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Inject
    MeterRegistry registry;

    private static String json(FactsBody body) throws Exception {
        return JSON.writeValueAsString(body.json());
    }

    @Test
    void shouldStoreFactsFromKafkaAnnounceTheEntriesAndDeadLetterWhatItCannotAccept() throws Exception {
        String customer = newCustomerId();
        Instant asOf = FactsBody.AS_OF;
        double deadBefore = registry.counter("tierup.kafka.facts.dead.letters").count();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, customer, json(facts().with("addedWeCom", true).interactions("i", 3, 5).asOf(asOf)));
            send(producer, customer, "{\"attributes\": {\"inGroup\": tru");
            send(producer, customer, json(facts().event("bad", "PURCHASE", 1, Map.of("amount", -5))));
            send(producer, null, json(facts().with("inGroup", true)));
            send(producer, customer, json(facts().purchases("p", 2, 300, 3).asOf(asOf.plusSeconds(60))));
        }

        // The message after the poison ones in the same partition was stored too.
        Eventually.await(LIMIT, () -> customer(customer).extract().statusCode() == 200
                && "RELIANT".equals(customer(customer).extract().path("decision.stage")),
                () -> customer(customer).extract().asString());
        List<Long> entries = history(customer).statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertTrue(entries.size() >= 4, entries.toString());

        try (KafkaConsumer<String, String> announcements = consumer(KafkaBroker.ANNOUNCEMENTS)) {
            List<Long> announced = new ArrayList<>();
            List<JsonNode> bodies = new ArrayList<>();
            Eventually.await(LIMIT, () -> {
                for (ConsumerRecord<String, String> record : announcements.poll(Duration.ofMillis(200))) {
                    if (customer.equals(record.key())) {
                        JsonNode body = read(record.value());
                        if (!announced.contains(body.get("id").asLong())) {
                            announced.add(body.get("id").asLong());
                            bodies.add(body);
                        }
                    }
                }
                return announced.size() >= entries.size();
            }, announced::toString);
            assertEquals(entries, announced, "announced in order per customer");
            assertTrue(bodies.stream().allMatch(body -> body.get("customerId").asText().equals(customer)));
            assertEquals("stage", bodies.get(0).get("dimension").asText());
        }

        try (KafkaConsumer<String, String> deadLetters = consumer(KafkaBroker.DEAD_LETTERS)) {
            List<String> reasons = new ArrayList<>();
            Eventually.await(LIMIT, () -> {
                for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(200))) {
                    String reason = new String(record.headers().lastHeader("tierup-error").value(), StandardCharsets.UTF_8);
                    if (customer.equals(record.key()) || reason.contains("no key")) {
                        reasons.add(reason + " | " + record.value());
                    }
                }
                return reasons.size() >= 3;
            }, reasons::toString);
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Malformed JSON")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("events[0].amount must be a number ≥ 0")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("The message has no key")), reasons.toString());
        }
        assertTrue(registry.counter("tierup.kafka.facts.dead.letters").count() >= deadBefore + 3);
        assertTrue(registry.find("tierup.kafka.facts.stored").timer().count() >= 2);
        assertTrue(registry.find("tierup.kafka.facts.lag").gauge() != null);
    }

    private static void send(KafkaProducer<String, String> producer, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(KafkaBroker.FACTS, key, value)).get();
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(value, e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
