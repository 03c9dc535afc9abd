package com.tierupgrade.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.tierupgrade.publishing.RulesFolder;
import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.Users;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Rule reloads are counted by outcome: a change that does not compile is refused, a good one accepted. */
@QuarkusTest
@TestProfile(ReloadMetricsTest.OwnRules.class)
class ReloadMetricsTest {

    static final Path RULES = Path.of("target", "reload-metrics-rules");

    public static class OwnRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ShippedRules.writeTo(RULES, ShippedRules.files());
            ShippedRules.writeTo(RULES, ShippedRules.scenarioFiles());
            return Map.of("tierup.rules.directory", RULES.toString(), "tierup.rules.watch", "false");
        }
    }

    @Inject
    RulesFolder activation;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private double reloads(String outcome) {
        String text = Users.anonymous().get(metrics).then().statusCode(200).extract().asString();
        return MetricsTest.sample(text, "tierup_ruleset_reloads_total", "outcome=\"" + outcome + "\"");
    }

    @Test
    void shouldCountRefusedAndAcceptedReloads() throws IOException {
        Path journey = RULES.resolve("measures.drl");
        String original = Files.readString(journey);
        double refused = reloads("refused");
        double accepted = reloads("accepted");
        try {
            Files.writeString(journey, original + "\nrule \"broken\" when then nonsense( end\n");
            activation.reload("TEST");
            assertEquals(refused + 1, reloads("refused"));
            assertEquals(accepted, reloads("accepted"));

            Files.writeString(journey, original + "\n// a comment makes a new version that compiles\n");
            activation.reload("TEST");
            assertEquals(accepted + 1, reloads("accepted"));
            assertEquals(refused + 1, reloads("refused"));
        } finally {
            Files.writeString(journey, original);
        }
    }
}
