package com.tierupgrade.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real single-node Kafka broker (KRaft, org.apache.kafka:kafka_2.13 from the test classpath) in a child JVM, started
 * once per test run and stopped when the run ends; the service under test is pointed at it. No Docker needed.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    public static final String FACTS = "tierup.facts";
    public static final String DEAD_LETTERS = "tierup.facts.dead-letters";
    public static final String ANNOUNCEMENTS = "tierup.announcements";
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private static String bootstrapServers;
    private static Process process;

    @Override
    public Map<String, String> start() {
        return Map.of("tierup.kafka.bootstrap-servers", bootstrapServers(),
                "tierup.kafka.group-id", "tier-upgrade-test-" + Uuid.randomUuid());
    }

    @Override
    public void stop() {
        // Kept for the rest of the run; the shutdown hook stops it.
    }

    /** Starts the broker on first use; host:port. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            try {
                bootstrapServers = launch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return bootstrapServers;
    }

    private static String launch() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("tierup-kafka");
        int port = freePort();
        int controllerPort = freePort();
        Path config = directory.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=2",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true", ""));
        Path log = directory.resolve("broker.log");
        run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                log, true);
        process = run(List.of("kafka.Kafka", config.toString()), log, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroyForcibly()));
        String servers = "127.0.0.1:" + port;
        createTopics(servers, log);
        return servers;
    }

    private static Process run(List<String> mainAndArguments, Path log, boolean wait)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        Process started = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (wait && (!started.waitFor(60, TimeUnit.SECONDS) || started.exitValue() != 0)) {
            throw new IllegalStateException("kafka storage format failed:\n" + Files.readString(log));
        }
        return started;
    }

    private static void createTopics(String servers, Path log) throws IOException, InterruptedException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (true) {
            try (Admin admin = Admin.create(properties)) {
                admin.createTopics(List.of(new NewTopic(FACTS, 2, (short) 1), new NewTopic(DEAD_LETTERS, 1, (short) 1),
                        new NewTopic(ANNOUNCEMENTS, 2, (short) 1))).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                    return;
                }
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the Kafka broker did not start:\n" + Files.readString(log), e);
                }
                Thread.sleep(500);
            } catch (Exception e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the Kafka broker did not start:\n" + Files.readString(log), e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
