package com.tierupgrade.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Eventually;
import com.tierupgrade.testing.KafkaBroker;
import com.tierupgrade.testing.WebhookReceiver;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Throughput figures of issue 13 (docs/performance.md), all in one run on one service: POST /facts over HTTP without
 * and with a webhook subscription, webhook deliveries per second to a local receiver, and facts consumed from Kafka.
 * Not part of the build (the name does not end in Test):
 * {@code ./mvnw -B test -Dtest=IntegrationBenchmark -Dbench.customers=2000}.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class IntegrationBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 2000);
    private static final int HTTP_THREADS = 8;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    DataSource dataSource;

    private static String body(int i) {
        return "{\"attributes\": {\"addedWeCom\": true}, \"events\": ["
                + "{\"id\": \"o1\", \"type\": \"PURCHASE\", \"at\": \"2026-01-05T10:00:00Z\", \"amount\": " + (100 + i % 500) + "},"
                + "{\"id\": \"l1\", \"type\": \"INTERACTION\", \"at\": \"2026-01-06T10:00:00Z\", \"kind\": \"LIKE\"}],"
                + " \"asOf\": \"2026-01-10T00:00:00Z\"}";
    }

    @Test
    void measure() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        post(run + "-warm", CUSTOMERS / 2);
        // This machine's PostgreSQL runs without autovacuum: plans of never-analyzed tables stay those of empty ones.
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().execute("ANALYZE");
        }

        double withoutSubscriptions = post(run + "-plain", CUSTOMERS);

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String subscription = call("POST", "/webhooks", "{\"url\": \"" + receiver.url() + "\"}");
            long before = receiver.accepted().size();
            long start = System.nanoTime();
            double withSubscription = post(run + "-hooked", CUSTOMERS);
            long expected = count("SELECT count(*) FROM tierup.history_entry WHERE customer_id LIKE '" + run + "-hooked-%'");
            Eventually.await(Duration.ofMinutes(5), () -> receiver.accepted().size() - before >= expected,
                    () -> (receiver.accepted().size() - before) + " of " + expected);
            double deliveriesPerSecond = expected / ((System.nanoTime() - start) / 1e9);
            call("DELETE", "/webhooks/" + subscription.replaceAll(".*\"id\":(\\d+).*", "$1"), null);

            double fromKafka = consume(run + "-kafka", CUSTOMERS);
            double httpAgain = post(run + "-plain2", CUSTOMERS);

            System.out.printf("%nBENCH customers per step: %d%n", CUSTOMERS);
            System.out.printf("BENCH POST /facts, %d client threads, no subscription: %.0f req/s%n", HTTP_THREADS, withoutSubscriptions);
            System.out.printf("BENCH POST /facts, %d client threads, 1 subscription:  %.0f req/s (ratio %.2f)%n",
                    HTTP_THREADS, withSubscription, withSubscription / withoutSubscriptions);
            System.out.printf("BENCH webhook deliveries (%d announcements, from first post to last delivery): %.0f /s%n",
                    expected, deliveriesPerSecond);
            System.out.printf("BENCH facts from Kafka (2 partitions, 2 consumer threads): %.0f /s%n", fromKafka);
            System.out.printf("BENCH POST /facts again after Kafka, no subscription: %.0f req/s; Kafka / HTTP = %.2f%n",
                    httpAgain, fromKafka / ((withoutSubscriptions + httpAgain) / 2));
        }
    }

    /** Posts one body per customer from several threads; answers requests per second. */
    private double post(String prefix, int customers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(HTTP_THREADS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < HTTP_THREADS; t++) {
            done.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < customers; i = next.getAndIncrement()) {
                    call("POST", "/customers/" + prefix + "-" + i + "/facts", body(i));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        return customers / ((System.nanoTime() - start) / 1e9);
    }

    /** Produces one message per customer and waits until every customer is stored; answers messages per second. */
    private double consume(String prefix, int customers) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < customers; i++) {
                producer.send(new ProducerRecord<>(KafkaBroker.FACTS, prefix + "-" + i, body(i)));
            }
        }
        String query = "SELECT count(*) FROM tierup.customer WHERE id LIKE '" + prefix + "-%' AND as_of IS NOT NULL";
        Eventually.await(Duration.ofMinutes(5), () -> count(query) >= customers, () -> count(query) + " of " + customers);
        return customers / ((System.nanoTime() - start) / 1e9);
    }

    private long count(String sql) {
        try (var connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:tester".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
