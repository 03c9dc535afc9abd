package com.tierupgrade.ops;

import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Api;
import com.tierupgrade.testing.Users;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Prometheus metrics on the management port, without credentials, moving with the service's work. */
@QuarkusTest
class MetricsTest {

    /** The management interface serves under /q already: this is /q/metrics there. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private String scrape() {
        return Users.anonymous().get(metrics).then().statusCode(200).extract().asString();
    }

    /** The value of one sample, 0 when absent; {@code labels} as Prometheus writes them, e.g. {@code kind="UPGRADE"}. */
    static double sample(String text, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(text);
        double sum = 0;
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    @Test
    void shouldCountEvaluationsHistoryEntriesAndHolds() {
        String before = scrape();
        String id = newCustomerId();
        Api.postFacts(id, repeatBuyer()).statusCode(200);
        Api.postFacts(id, facts().with("distributorOptIn", true).with("distributorRefused", true).daysLater(1))
                .statusCode(200);
        String after = scrape();

        assertTrue(sample(after, "tierup_evaluations_seconds_count") >= sample(before, "tierup_evaluations_seconds_count") + 2);
        assertTrue(after.contains("tierup_evaluations_seconds_bucket{le="), "latency histogram");
        assertTrue(after.contains("tierup_evaluations_seconds{quantile=\"0.99\"}"), "latency percentiles");
        assertEquals(1, count(before, after, "tierup_history_entries_total", "dimension=\"stage\"", "kind=\"INITIAL\""));
        assertEquals(1, count(before, after, "tierup_history_entries_total", "dimension=\"tier\"", "kind=\"INITIAL\""));
        assertEquals(1, count(before, after, "tierup_history_entries_total", "dimension=\"tier\"", "kind=\"HELD_BACK\""));
        assertEquals(1, count(before, after, "tierup_holds_total", "tier=\"DISTRIBUTOR\"", "reason=\"用户明确拒绝分销,不硬推\""));
    }

    @Test
    void shouldListEveryHistoryKindAndReloadOutcomeFromTheStart() {
        String text = scrape();
        for (String kind : new String[] { "INITIAL", "UPGRADE", "DOWNGRADE", "HELD_BACK" }) {
            assertTrue(text.contains("tierup_history_entries_total{dimension=\"tier\",kind=\"" + kind + "\"}"), kind);
        }
        assertTrue(text.contains("tierup_ruleset_reloads_total{outcome=\"accepted\"}"));
        assertTrue(text.contains("tierup_ruleset_reloads_total{outcome=\"refused\"}"));
    }

    @Test
    void shouldNotServeMetricsOnTheMainPort() {
        Users.anonymous().get("/q/metrics").then().statusCode(401);
        Users.as(Users.AUDITOR).get("/q/metrics").then().statusCode(403);
    }

    private static double count(String before, String after, String name, String... labels) {
        return sample(after, name, labels) - sample(before, name, labels);
    }
}
