package com.tierupgrade;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.ShippedRules;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Start-up behaviour of the packaged service, run as a user runs it: java -jar, no database configured. */
class PackagedAppIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    /** The service as a child process with its own rules and data folders and the embedded database. */
    private record Service(Process process, Path log) {

        static Service start(Path rules, Path data) throws IOException {
            Path log = Files.createTempFile("tierup-it", ".log");
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", System.getProperty("quarkus-app.jar"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE"));
            env.put("TIERUP_RULES_DIRECTORY", rules.toString());
            env.put("TIERUP_DATA_DIRECTORY", data.toString());
            env.put("PORT", "0");
            env.put("MANAGEMENT_PORT", "0");
            return new Service(builder.start(), log);
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        int awaitPort() throws Exception {
            Instant deadline = Instant.now().plus(START_LIMIT);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                Matcher listening = LISTENING.matcher(output());
                if (listening.find()) {
                    return Integer.parseInt(listening.group(1));
                }
                Thread.sleep(200);
            }
            throw new AssertionError("service did not start:\n" + output());
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void shouldRefuseToStartWithRulesThatDoNotCompile() throws Exception {
        Path rules = ShippedRules.writeTo(ShippedRules.withEdit("tiers.dslr",
                "分享至少 spreaderMinShares 次", "分享至少 spreaderMinShare 次"));
        Service service = Service.start(rules, Files.createTempDirectory("it-data"));
        try {
            assertTrue(service.process().waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "still running");
            String output = service.output();
            assertNotEquals(0, service.process().exitValue(), output);
            assertTrue(output.contains("The rules in " + rules + " cannot be used"), output);
            assertTrue(Pattern.compile("tiers\\.dslr:\\d+:\\d+: .*spreaderMinShare").matcher(output).find(), output);
        } finally {
            service.stop();
        }
    }

    @Test
    void shouldKeepDataInTheEmbeddedDatabaseAcrossRestarts() throws Exception {
        Path rules = ShippedRules.writeTo(ShippedRules.files());
        Path data = Files.createTempDirectory("it-data");
        String body = """
                {"attributes": {"addedWeCom": true},
                 "events": [{"id": "o1", "type": "PURCHASE", "at": "2026-01-05T10:00:00Z", "amount": 300}],
                 "asOf": "2026-01-10T00:00:00Z"}""";

        Service first = Service.start(rules, data);
        try {
            RestAssured.given().port(first.awaitPort()).auth().preemptive().basic("ingest", "ingest")
                    .contentType(ContentType.JSON).body(body)
                    .post("/customers/kept/facts").then().statusCode(200).body("stage", equalTo("TRUSTING"));
        } finally {
            first.stop();
        }

        Service second = Service.start(rules, data);
        try {
            RestAssured.given().port(second.awaitPort()).auth().preemptive().basic("auditor", "auditor")
                    .get("/customers/kept").then().statusCode(200)
                    .body("decision.stage", equalTo("TRUSTING"))
                    .body("events[0].id", equalTo("o1"));
            RestAssured.given().port(second.awaitPort()).auth().preemptive().basic("auditor", "auditor")
                    .get("/customers/kept/history").then().statusCode(200)
                    .body("findAll { it.dimension in ['stage', 'tier'] }.kind", equalTo(List.of("INITIAL", "INITIAL")));
        } finally {
            second.stop();
        }
    }
}
