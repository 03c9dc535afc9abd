package com.tierupgrade.history.query;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.OpenApiContract.invalidRequest;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tierupgrade.testing.Csv;
import com.tierupgrade.testing.FactsBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * GET /history across customers: each filter, keyset pages, the 400s and the CSV export. The database is shared with
 * other tests, so every query names this class's customers.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryQueryTest {

    private static final String REFUSED_RULE = "明确拒绝分销:不硬推";

    private final String prefix = "hq-" + UUID.randomUUID() + "-";
    /** Held back from DISTRIBUTOR: refuses to distribute. (Ids cannot hold quotes or commas: docs/facts.md.) */
    private final String held = prefix + "held";
    /** FOLLOWER, then DISTRIBUTOR once it opts in. */
    private final String upgraded = prefix + "upgraded";
    /** RELIANT, then TRUSTING 100 days later: its purchases left the 90-day window (cause TIME). */
    private final String downgraded = prefix + "downgraded";
    private List<String> all;

    @BeforeEach
    void createCustomersOnce() {
        if (all != null) {
            return;
        }
        all = List.of(held, upgraded, downgraded);
        postFacts(held, repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true)).statusCode(200);
        postFacts(upgraded, repeatBuyer()).statusCode(200);
        postFacts(upgraded, facts().with("distributorOptIn", true)).statusCode(200).body("tier", equalTo("DISTRIBUTOR"));
        postFacts(downgraded, repeatBuyer()).statusCode(200);
        postFacts(downgraded, facts().daysLater(100)).statusCode(200).body("stage", equalTo("TRUSTING"));
    }

    private RequestSpecification ours() {
        return given().queryParam("customer", all.toArray());
    }

    private static List<Map<String, Object>> entries(Response response) {
        return response.then().statusCode(200).extract().path("entries");
    }

    @Test
    void shouldListTheEntriesOfTheCustomersAskedOldestFirst() {
        List<Integer> ids = ours().get("/history").then().statusCode(200)
                .body("entries.customerId", everyItem(org.hamcrest.Matchers.in(all)))
                .body("next", nullValue())
                .extract().path("entries.id");
        assertEquals(ids.stream().sorted().toList(), ids);
        List<Integer> ofOne = given().get("/customers/{id}/history", upgraded).path("id");
        given().queryParam("customer", upgraded).get("/history").then().statusCode(200)
                .body("entries.id", equalTo(ofOne));
    }

    @Test
    void shouldFindWhoBecameDistributor() {
        ours().queryParam("kind", "UPGRADE").queryParam("to", "DISTRIBUTOR").get("/history").then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].customerId", equalTo(upgraded))
                .body("entries[0].dimension", equalTo("tier"))
                .body("entries[0].dimensionName", equalTo("层级"))
                .body("entries[0].from", equalTo("FOLLOWER"))
                .body("entries[0].fromName", equalTo("跟从用户"))
                .body("entries[0].toName", equalTo("分销用户"))
                .body("entries[0].cause", equalTo("NEW_FACTS"));
        // A display name is as good as a code.
        ours().queryParam("kind", "UPGRADE").queryParam("to", "分销用户").get("/history").then().statusCode(200)
                .body("entries.customerId", contains(upgraded));
    }

    @Test
    void shouldFindWhoWasHeldBackAndByWhichRule() {
        ours().queryParam("kind", "HELD_BACK").get("/history").then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].customerId", equalTo(held))
                .body("entries[0].to", equalTo("DISTRIBUTOR"))
                .body("entries[0].reasons", contains("用户明确拒绝分销,不硬推"))
                .body("entries[0].rule", equalTo(REFUSED_RULE))
                .body("entries[0].firedRules", hasItem(REFUSED_RULE));
    }

    @Test
    void shouldFilterByRuleThatFiredInTheEvaluation() {
        List<Map<String, Object>> entries = entries(ours().queryParam("rule", REFUSED_RULE).get("/history"));
        assertTrue(entries.size() > 1, "every entry of the evaluation in which the rule fired");
        assertTrue(entries.stream().allMatch(entry -> entry.get("customerId").equals(held)));
        assertTrue(entries.stream().anyMatch(entry -> entry.get("kind").equals("HELD_BACK")));
        ours().queryParam("rule", "依靠:信赖且当前周期内复购").queryParam("dimension", "stage").get("/history").then()
                .statusCode(200).body("entries.customerId", contains(held, upgraded, downgraded));
        ours().queryParam("rule", "没有这条规则").get("/history").then().statusCode(200).body("entries", empty());
    }

    @Test
    void shouldFilterByDimensionFromKindAndCause() {
        ours().queryParam("dimension", "stage").queryParam("from", "RELIANT").get("/history").then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].customerId", equalTo(downgraded))
                .body("entries[0].kind", equalTo("DOWNGRADE"))
                .body("entries[0].to", equalTo("TRUSTING"))
                .body("entries[0].cause", equalTo("TIME"));
        ours().queryParam("cause", "TIME").get("/history").then().statusCode(200)
                .body("entries.customerId", everyItem(equalTo(downgraded)))
                .body("entries.kind", hasItem("DOWNGRADE"));
        ours().queryParam("dimension", "tier").get("/history").then().statusCode(200)
                .body("entries.dimension", everyItem(equalTo("tier")))
                .body("entries.kind", contains("INITIAL", "HELD_BACK", "INITIAL", "UPGRADE", "INITIAL"));
        ours().queryParam("cause", "RULESET_CHANGE").get("/history").then().statusCode(200).body("entries", empty());
    }

    @Test
    void shouldFilterByRuleSetVersion() {
        String version = given().get("/customers/{id}", upgraded).path("decision.rulesetVersion");
        int count = entries(ours().get("/history")).size();
        ours().queryParam("rulesetVersion", version).get("/history").then().statusCode(200)
                .body("entries", hasSize(count))
                .body("entries.rulesetVersion", everyItem(equalTo(version)));
        ours().queryParam("rulesetVersion", "not-a-version").get("/history").then().statusCode(200)
                .body("entries", empty());
    }

    @Test
    void shouldFilterByEvaluationTime() {
        String later = FactsBody.AS_OF.plusSeconds(86_400).toString();
        ours().queryParam("since", later).get("/history").then().statusCode(200)
                .body("entries.customerId", everyItem(equalTo(downgraded)))
                .body("entries.at", everyItem(equalTo(FactsBody.AS_OF.plusSeconds(100 * 86_400L).toString())));
        List<Map<String, Object>> before = entries(ours().queryParam("until", later).get("/history"));
        assertTrue(before.stream().allMatch(entry -> entry.get("at").equals(FactsBody.AS_OF.toString())));
        // A date is the start of that day in UTC: the evaluations at 2026-03-01T12:00Z are on 2026-03-01.
        ours().queryParam("since", "2026-03-01").queryParam("until", "2026-03-02").get("/history").then()
                .statusCode(200).body("entries", hasSize(before.size()));
    }

    @Test
    void shouldPageWithKeysetAndNextLink() {
        List<Integer> all = entries(ours().get("/history")).stream().map(entry -> (Integer) entry.get("id")).toList();
        List<Integer> paged = new ArrayList<>();
        Response page = ours().queryParam("limit", 4).get("/history");
        String next;
        while (true) {
            page.then().statusCode(200);
            paged.addAll(page.path("entries.id"));
            next = page.path("next");
            if (next == null) {
                break;
            }
            assertEquals("<" + next + ">; rel=\"next\"", page.header("Link"));
            assertTrue(next.contains("after=" + page.path("after")), next);
            page = given().urlEncodingEnabled(false).get(next);
        }
        assertEquals(all, paged);
        ours().queryParam("after", all.get(all.size() - 1)).get("/history").then().statusCode(200)
                .body("entries", empty()).body("after", nullValue());
    }

    @Test
    void shouldRefuseBadParametersNamingEach() {
        invalidRequest().queryParam("kind", "PROMOTED").get("/history").then().statusCode(400)
                .body("message", equalTo("The query parameters are not valid"))
                .body("problems[0].field", equalTo("kind"))
                .body("problems[0].message", containsString("UPGRADE"));
        invalidRequest().queryParam("dimension", "colour").get("/history").then().statusCode(400)
                .body("problems[0].field", equalTo("dimension"))
                .body("problems[0].message", containsString("stage, tier, influencer, buyerGroup, tierRoles, relationship, rfm"));
        invalidRequest().queryParam("dimension", "tier").queryParam("to", "RELIANT").get("/history").then()
                .statusCode(400)
                .body("problems[0].field", equalTo("to"))
                .body("problems[0].message", containsString("FOLLOWER, SPREADER"));
        invalidRequest().queryParam("from", "NOPE").get("/history").then().statusCode(400)
                .body("problems[0].field", equalTo("from"));
        invalidRequest().queryParam("since", "yesterday").queryParam("until", "2026-13-01").get("/history").then()
                .statusCode(400).body("problems.field", contains("since", "until"));
        invalidRequest().queryParam("since", "2026-03-02").queryParam("until", "2026-03-01").get("/history").then()
                .statusCode(400).body("problems.field", contains("until"));
        for (String limit : List.of("0", "1001", "ten", "-1")) {
            invalidRequest().queryParam("limit", limit).get("/history").then().statusCode(400)
                    .body("problems.field", contains("limit"));
        }
        invalidRequest().queryParam("after", "-5").get("/history").then().statusCode(400)
                .body("problems.field", contains("after"));
        invalidRequest().queryParam("cause", "MAGIC").queryParam("kinds", "UPGRADE").get("/history").then()
                .statusCode(400)
                .body("problems.field", org.hamcrest.Matchers.containsInAnyOrder("cause", "kinds"));
        invalidRequest().queryParam("kind", "UPGRADE", "DOWNGRADE").get("/history").then().statusCode(400)
                .body("problems.field", contains("kind"));
        invalidRequest().queryParam("kind", "PROMOTED").accept("text/csv").get("/history").then().statusCode(400)
                .body("problems.field", contains("kind"));
    }

    @Test
    void shouldExportEveryPageAsCsvThatSpreadsheetsRead() {
        List<Map<String, Object>> json = entries(ours().queryParam("limit", 1000).get("/history"));
        Response csv = ours().queryParam("limit", 2).accept("text/csv").get("/history");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("history.csv"));
        byte[] bytes = csv.asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "BOM");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = Csv.parse(text);
        assertEquals(HistoryCsv.header(), rows.get(0));
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                record.put(rows.get(0).get(i), row.get(i));
            }
            records.add(record);
        }
        assertEquals(json.size(), records.size(), "all pages, not one");
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> expected = json.get(i);
            Map<String, String> actual = records.get(i);
            for (String column : HistoryCsv.header()) {
                Object value = expected.get(column);
                String text2 = value == null ? "" : value instanceof List<?> list
                        ? String.join("\n", list.stream().map(String::valueOf).toList()) : value.toString();
                assertEquals(text2, actual.get(column), column + " of entry " + expected.get("id"));
            }
        }
        assertTrue(records.stream().anyMatch(r -> r.get("customerId").equals(held)), "every customer asked");
        assertTrue(records.stream().anyMatch(r -> r.get("reasons").equals("用户明确拒绝分销,不硬推")), "Chinese intact");
        assertTrue(records.stream().anyMatch(r -> r.get("reasons").contains("\n")), "a list in one cell");
    }

    @Test
    void shouldAnswerJsonWhenAnythingIsAccepted() {
        ours().accept("*/*").get("/history").then().statusCode(200).contentType(containsString("json"))
                .body("entries", not(empty()));
    }

}
