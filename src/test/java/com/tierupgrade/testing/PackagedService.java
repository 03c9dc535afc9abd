package com.tierupgrade.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) run as a process of its own, as a user
 * runs it: for the integration tests that need a real start, several instances or a kill. The environment is the
 * test's own minus every {@code QUARKUS_DATASOURCE*}, {@code TIERUP_*} and {@code MANAGEMENT_*} variable, plus
 * {@code env}.
 */
public record PackagedService(Process process, Path log, int port) implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    // HTTP/1.1: many concurrent posts over h2c upgrades drew GOAWAY from the server on a loaded machine.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The settings that point the service at a database started by the test (its owner runs the migrations). */
    public static Map<String, String> databaseEnvironment(Map<String, String> datasourceConfig) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", datasourceConfig.get("quarkus.datasource.jdbc.url"),
                "QUARKUS_DATASOURCE_USERNAME", datasourceConfig.get("quarkus.datasource.username"),
                "QUARKUS_DATASOURCE_PASSWORD", datasourceConfig.get("quarkus.datasource.password"),
                "QUARKUS_FLYWAY_USERNAME", datasourceConfig.getOrDefault("quarkus.flyway.username",
                        datasourceConfig.get("quarkus.datasource.username")),
                "QUARKUS_FLYWAY_PASSWORD", datasourceConfig.getOrDefault("quarkus.flyway.password",
                        datasourceConfig.get("quarkus.datasource.password")));
    }

    /** Starts the service and waits until it listens (random ports), or fails with its log. */
    public static PackagedService start(String name, Map<String, String> env, Duration limit) throws Exception {
        Path log = Files.createTempFile("tierup-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", System.getProperty("quarkus-app.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("QUARKUS_DATASOURCE")
                || variable.startsWith("TIERUP_") || variable.startsWith("MANAGEMENT_"));
        environment.put("PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.putAll(env);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                return new PackagedService(process, log, Integer.parseInt(listening.group(1)));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        throw new AssertionError(name + " did not start:\n" + Files.readString(log));
    }

    public String output() throws java.io.IOException {
        return Files.readString(log);
    }

    /** A request as {@code user} (password = name, the try-out default) with a JSON body or none. */
    public HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code kill -9}: no shutdown hook, open transactions left to the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
