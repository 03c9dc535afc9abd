package com.tierupgrade.publishing;

import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.testing.FactsBody;
import com.tierupgrade.testing.RowCounts;
import com.tierupgrade.testing.ShippedRules;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Marketers change rules in a live rules folder: hot reload, refusals, versions, validation and simulation. */
@QuarkusTest
@TestProfile(RuleSetLifecycleTest.LiveRules.class)
class RuleSetLifecycleTest {

    /** A rules folder of our own that the tests edit while the service watches it. */
    static final Path LIVE = Path.of("target", "live-rules");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    public static class LiveRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            resetLiveFolder();
            return Map.of("tierup.rules.directory", LIVE.toString(), "tierup.rules.watch", "true");
        }
    }

    @Inject
    DataSource dataSource;

    static void resetLiveFolder() {
        try {
            // Empty the folder but keep it, as a marketer replacing files would.
            if (Files.exists(LIVE)) {
                try (Stream<Path> paths = Files.walk(LIVE)) {
                    for (Path path : paths.sorted((a, b) -> b.compareTo(a)).filter(p -> !p.equals(LIVE)).toList()) {
                        if (Files.isRegularFile(path)) {
                            Files.delete(path);
                        }
                    }
                }
            }
            Files.createDirectories(LIVE);
            ShippedRules.writeTo(LIVE, ShippedRules.files());
            ShippedRules.writeTo(LIVE, Map.of("scenarios/basic.yaml", BASIC_SCENARIO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonPath current() {
        return given().get("/rulesets/current").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath await(String what, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            JsonPath state = current();
            if (done.test(state)) {
                return state;
            }
            sleep(200);
        }
        throw new AssertionError("waited " + PATIENCE + " for " + what + "; current: " + current().prettify());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Saves files into the live folder as a marketer's editor would. */
    static void save(Map<String, String> files) {
        ShippedRules.writeTo(LIVE, files);
    }

    /**
     * The shipped scenarios pin the shipped thresholds, so changing one is rightly refused; the live folder has one
     * scenario that holds under every change these tests make.
     */
    private static final String BASIC_SCENARIO = """
            - name: 只进群的客户是熟悉阶段的跟从用户
              asOf: 2026-03-01T12:00:00Z
              attributes: {inGroup: true}
              expect:
                stage: FAMILIAR
                tier: FOLLOWER
            """;

    @BeforeEach
    void startFromTheShippedRules() {
        resetLiveFolder();
        String shipped = RuleSetCompiler.versionOf(ShippedRules.files());
        await("the shipped rules to be active", state -> state.getString("version").equals(shipped));
        // Going back to the shipped rules re-evaluates every customer in the background; tests that count rows must
        // not start while that job still writes.
        await("no re-evaluation running", state -> !given().get("/reevaluations").then().statusCode(200).extract()
                .jsonPath().getList("state").contains("RUNNING"));
    }

    @Test
    void shouldSwapInSavedRulesAndReevaluateStoredCustomers() {
        String customer = newCustomerId();
        postFacts(customer, repeatBuyer()).statusCode(200).body("stage", equalTo("RELIANT"));
        String before = current().getString("version");

        save(Map.of("parameters.yaml", ShippedRules.withParameter("reliantMinPurchases", "3").get("parameters.yaml")));
        JsonPath after = await("the edited rules", state -> !state.getString("version").equals(before));
        String version = after.getString("version");
        assertEquals("FILE_CHANGE", after.getString("trigger"));

        postFacts(newCustomerId(), repeatBuyer()).statusCode(200).body("stage", equalTo("TRUSTING"))
                .body("rulesetVersion", equalTo(version));

        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> causes = List.of();
        while (Instant.now().isBefore(deadline) && !causes.contains("RULESET_CHANGE")) {
            sleep(200);
            causes = history(customer).extract().path("cause");
        }
        history(customer).body("find { it.cause == 'RULESET_CHANGE' }.kind", equalTo("DOWNGRADE"))
                .body("find { it.cause == 'RULESET_CHANGE' }.to", equalTo("TRUSTING"))
                .body("find { it.cause == 'RULESET_CHANGE' }.rulesetVersion", equalTo(version))
                .body("find { it.cause == 'RULESET_CHANGE' }.at", equalTo(FactsBody.AS_OF.toString()));

        given().get("/rulesets").then().statusCode(200)
                .body("version", hasItem(before)).body("version", hasItem(version))
                .body("find { it.version == '" + version + "' }.active", equalTo(true));
        given().get("/rulesets/{v}", version).then().statusCode(200)
                .body("files.'parameters.yaml'", containsString("reliantMinPurchases: 3"))
                .body("activations[0].trigger", equalTo("FILE_CHANGE"));
        String diff = given().get("/rulesets/{a}/diff/{b}", before, version).then().statusCode(200).extract().asString();
        assertTrue(diff.contains("--- " + before + "/parameters.yaml"), diff);
        assertTrue(diff.contains("-reliantMinPurchases: 2") && diff.contains("+reliantMinPurchases: 3"), diff);
        given().get("/rulesets/{v}", "nosuchversion").then().statusCode(404);
    }

    @Test
    void shouldKeepServingTheOldRulesWhenASavedFileDoesNotCompile() {
        String before = current().getString("version");
        Instant saved = Instant.now();
        save(Map.of("measures.drl", ShippedRules.files().get("measures.drl").replace("accumulate( Measure( name == ",
                "accumulate( Measur( name == ")));
        JsonPath state = await("the broken file to be refused",
                s -> s.getString("lastRejected.at") != null && Instant.parse(s.getString("lastRejected.at")).isAfter(saved));
        assertEquals(before, state.getString("version"));
        assertEquals("measures.drl", state.getString("lastRejected.problems[0].file"));
        assertTrue(state.getInt("lastRejected.problems[0].line") > 0);
        postFacts(newCustomerId(), repeatBuyer()).statusCode(200).body("stage", equalTo("RELIANT"))
                .body("rulesetVersion", equalTo(before));
    }

    @Test
    void shouldRefuseRulesWhoseScenarioFails() {
        String before = current().getString("version");
        Instant saved = Instant.now();
        save(Map.of("scenarios/wrong.yaml", WRONG_SCENARIO));
        JsonPath state = await("the failing scenario to be refused",
                s -> s.getString("lastRejected.at") != null && Instant.parse(s.getString("lastRejected.at")).isAfter(saved));
        assertEquals(before, state.getString("version"));
        assertEquals("复购客户应当是分销用户(故意写错)", state.getString("lastRejected.failedScenarios[0].scenario"));
    }

    private static final String WRONG_SCENARIO = """
            - name: 复购客户应当是分销用户(故意写错)
              asOf: 2026-03-01T12:00:00Z
              attributes: {addedWeCom: true}
              events:
                - {id: o1, type: PURCHASE, daysAgo: 10, amount: 300}
                - {id: o2, type: PURCHASE, daysAgo: 20, amount: 300}
              expect:
                stage: RELIANT
                tier: DISTRIBUTOR
            """;

    @Test
    void shouldValidateDraftsWithoutActivatingOrStoringAnything() {
        String before = current().getString("version");
        Map<String, Long> rows = RowCounts.of(dataSource);

        given().contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("tiers.drl", "package rules;\nrule \"坏规则\" when then x end")))
                .post("/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].file", equalTo("tiers.drl"));
        given().contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("steal.drl", "package rules;\nimport java.nio.file.Files;\n")))
                .post("/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].file", equalTo("steal.drl"))
                .body("problems[0].line", equalTo(2));
        given().contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("scenarios/wrong.yaml", WRONG_SCENARIO)))
                .post("/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("scenarios.find { !it.passed }.scenario", equalTo("复购客户应当是分销用户(故意写错)"))
                .body("scenarios.find { !it.passed }.failures[0]", containsString("DISTRIBUTOR"));
        given().contentType(ContentType.JSON)
                .body(Map.of("files", ShippedRules.withParameter("spreaderMinShares", "5")))
                .post("/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("version", not(equalTo(before)));

        assertEquals(before, current().getString("version"));
        assertEquals(rows, RowCounts.of(dataSource));
    }

    @Test
    void shouldSimulateADraftOnEveryStoredCustomerWithoutWriting() {
        for (int i = 0; i < 3; i++) {
            postFacts(newCustomerId(), repeatBuyer()).statusCode(200);
        }
        Map<String, Long> rows = RowCounts.of(dataSource);
        Map<String, Object> draft = new HashMap<>();
        draft.put("files", Map.of("parameters.yaml",
                ShippedRules.withParameter("reliantMinPurchases", "3").get("parameters.yaml")));
        draft.put("asOf", FactsBody.AS_OF.toString());

        JsonPath report = given().contentType(ContentType.JSON).body(draft)
                .post("/rulesets/simulate").then().statusCode(200).extract().jsonPath();

        assertEquals(rows.get("customer"), report.getLong("customers"));
        assertNotEquals(report.getString("activeVersion"), report.getString("draftVersion"));
        assertTrue(report.getLong("dimensions.stage.before.RELIANT") >= 3);
        assertTrue(report.getLong("dimensions.stage.transitions.find { it.from == 'RELIANT' && it.to == 'TRUSTING' }.count") >= 3);
        assertTrue(report.getList("dimensions.stage.transitions.find { it.from == 'RELIANT' && it.to == 'TRUSTING' }.sampleCustomerIds")
                .size() > 0);
        assertEquals(rows, RowCounts.of(dataSource));

        given().contentType(ContentType.JSON).body(Map.of("files", Map.of("tiers.drl", "rule")))
                .post("/rulesets/simulate").then().statusCode(422)
                .body("problems[0].field", containsString("tiers.drl"));
    }

    @Test
    void shouldDowngradeWhenTimeMovesPurchasesOutOfThePeriod() {
        String customer = newCustomerId();
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>(facts().with("addedWeCom", true).json());
        body.put("events", List.of(
                Map.of("id", "o1", "type", "PURCHASE", "at", now.minus(Duration.ofDays(100)).toString(), "amount", 300),
                Map.of("id", "o2", "type", "PURCHASE", "at", now.minus(Duration.ofDays(95)).toString(), "amount", 300)));
        body.put("asOf", now.minus(Duration.ofDays(20)).toString());
        postFacts(customer, (Object) body).statusCode(200).body("stage", equalTo("RELIANT"));

        given().post("/reevaluations").then().statusCode(202).body("cause", equalTo("TIME"));

        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)
                && !history(customer).extract().<List<String>>path("cause").contains("TIME")) {
            sleep(200);
        }
        history(customer).body("find { it.cause == 'TIME' }.kind", equalTo("DOWNGRADE"))
                .body("find { it.cause == 'TIME' }.from", equalTo("RELIANT"))
                .body("find { it.cause == 'TIME' }.to", equalTo("TRUSTING"));
        given().get("/reevaluations").then().statusCode(200).body("cause", hasItem("TIME"));
    }

    /** The shipped events.yaml without ADD_TO_CART: the state before a marketer declares it. */
    private static String eventsWithoutAddToCart() {
        String events = ShippedRules.files().get("events.yaml");
        String withoutCart = events.replaceAll("(?ms)^ADD_TO_CART:.*?(?=^\\S)", "");
        assertTrue(!withoutCart.contains("ADD_TO_CART") && withoutCart.contains("COUPON_CLAIM"), withoutCart);
        return withoutCart;
    }

    @Test
    void shouldAcceptANewEventTypeAddedByARulesChangeOnly() {
        String before = current().getString("version");
        save(Map.of("events.yaml", eventsWithoutAddToCart()));
        String withoutCart = await("the rules without ADD_TO_CART",
                state -> !state.getString("version").equals(before)).getString("version");
        FactsBody cart = facts().with("inGroup", true).event("cart-1", "ADD_TO_CART", 2, Map.of("productId", "p-7"))
                .event("cart-2", "ADD_TO_CART", 1, Map.of("productId", "p-8", "amount", 199));
        String customer = newCustomerId();
        postFacts(customer, cart).statusCode(400).body("problems[0].field", equalTo("events[0].type"))
                .body("problems[0].message", containsString("unknown event type 'ADD_TO_CART'"));

        // A rule that uses the type before events.yaml declares it is refused, and the rules in use stay.
        Instant saved = Instant.now();
        save(Map.of("ladders.yaml", ShippedRules.files().get("ladders.yaml") + CART_LADDER, "cart.drl", CART_RULE));
        JsonPath refused = await("the rule on an undeclared type to be refused", s -> s.getString("lastRejected.at")
                != null && Instant.parse(s.getString("lastRejected.at")).isAfter(saved));
        assertEquals(withoutCart, refused.getString("version"));
        assertEquals("cart.drl", refused.getString("lastRejected.problems[0].file"));
        assertTrue(refused.getString("lastRejected.problems[0].message").contains("'ADD_TO_CART' is not an event type"),
                refused.prettify());

        // Declaring it, with a scenario for the new rule: accepted through the same gate, no Java involved.
        save(Map.of("events.yaml", ShippedRules.files().get("events.yaml"), "scenarios/cart.yaml", CART_SCENARIO));
        String withCart = await("the rules with ADD_TO_CART",
                state -> !state.getString("version").equals(withoutCart)).getString("version");
        postFacts(customer, cart).statusCode(200).body("rulesetVersion", equalTo(withCart))
                .body("dimensions.intent.code", equalTo("CART_INTENT"))
                .body("dimensions.intent.reasons[0]", equalTo("近7天加购 2 次"))
                .body("history.find { it.dimension == 'intent' }.kind", equalTo("INITIAL"));
        given().contentType(ContentType.JSON).body(Map.of("asOf", FactsBody.AS_OF.toString(), "criteria", List.of(
                Map.of("event", "ADD_TO_CART", "atLeast", 2, "withinDays", 7),
                Map.of("dimension", "intent", "equals", "CART_INTENT"))))
                .post("/audiences/preview").then().statusCode(200).body("customerIds", hasItem(customer));
    }

    private static final String CART_LADDER = """
            intent:
              name: 购买意向
              values:
                - {code: CART_INTENT, name: 加购未买}
            """;

    private static final String CART_RULE = """
            package rules;
            import com.tierupgrade.rules.fact.*;

            rule "加购未买:近7天加购至少2次"
            when
                accumulate( Event( type == "ADD_TO_CART", within(7) ); $carts : count(); $carts >= 2 )
            then
                insert(new Reached("intent", "CART_INTENT", "近7天加购 " + $carts + " 次"));
            end
            """;

    private static final String CART_SCENARIO = """
            - name: 近7天加购两次是加购未买
              asOf: 2026-03-01T12:00:00Z
              attributes: {inGroup: true}
              events:
                - {type: ADD_TO_CART, daysAgo: 1, productId: p-1}
                - {type: ADD_TO_CART, daysAgo: 3, productId: p-2}
              expect:
                intent: CART_INTENT
            """;

    /** Issue 11 points 3 and 5 over HTTP: roles held together, gained and lost in history, selected, announced. */
    @Test
    void shouldRecordEachRoleGainedAndLostAndAnnounceItsAction() throws java.sql.SQLException {
        String before = current().getString("version");
        save(Map.of("ladders.yaml", ShippedRules.files().get("ladders.yaml")
                + com.tierupgrade.rules.MultiValuedDimensionTest.ROLES_LADDER,
                "roles.drl", com.tierupgrade.rules.MultiValuedDimensionTest.ROLES_RULES));
        await("the rules with roles", state -> !state.getString("version").equals(before));
        String customer = newCustomerId();

        postFacts(customer, facts().with("inGroup", true).event("s1", "SHARE", 3, Map.of())
                .event("o1", "PURCHASE", 2, Map.of("amount", 1500, "couponUsed", false))).statusCode(200)
                .body("roles.roles.code", org.hamcrest.Matchers.contains("SHARER", "BIG_SPENDER"))
                .body("roles.roles[1].action", equalTo("专属客服跟进"))
                .body("roles.roles[1].reasons[0]", equalTo("单笔消费至少 1000 元"))
                .body("dimensions.roles", org.hamcrest.Matchers.nullValue())
                .body("history.findAll { it.dimension == 'roles' }.kind", org.hamcrest.Matchers.contains("GAINED", "GAINED"))
                .body("history.findAll { it.dimension == 'roles' }.to", org.hamcrest.Matchers.contains("SHARER", "BIG_SPENDER"));

        // The big purchase corrected to a small one with a coupon: BIG_SPENDER lost, BARGAIN_HUNTER gained, SHARER kept.
        postFacts(customer, facts().event("o1", "PURCHASE", 2, Map.of("amount", 15, "couponUsed", true)))
                .statusCode(200)
                .body("roles.roles.code", org.hamcrest.Matchers.contains("SHARER", "BARGAIN_HUNTER"))
                .body("history.findAll { it.dimension == 'roles' }.kind", org.hamcrest.Matchers.contains("LOST", "GAINED", "WARNING"))
                .body("history.find { it.dimension == 'roles' && it.kind == 'LOST' }.from", equalTo("BIG_SPENDER"))
                .body("history.find { it.dimension == 'roles' && it.kind == 'LOST' }.reasons[0]", equalTo("不再满足「大额消费者」的条件"));
        com.tierupgrade.testing.Api.customer(customer).statusCode(200)
                .body("decision.roles.roles.code", org.hamcrest.Matchers.contains("SHARER", "BARGAIN_HUNTER"));

        given().contentType(ContentType.JSON).body(Map.of("criteria", List.of(
                Map.of("dimension", "roles", "equals", "BARGAIN_HUNTER"),
                Map.of("dimension", "roles", "notIn", List.of("BIG_SPENDER")))))
                .post("/audiences/preview").then().statusCode(200).body("customerIds", hasItem(customer));

        Map<String, String> actions = new HashMap<>();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT kind || ':' || coalesce(to_value, from_value, ''), payload ->> 'action' FROM outbox "
                        + "WHERE customer_id = ? AND dimension = 'roles'")) {
            query.setString(1, customer);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.put(rows.getString(1), String.valueOf(rows.getString(2)));
                }
            }
        }
        assertEquals(Map.of("GAINED:SHARER", "邀请参加裂变活动", "GAINED:BIG_SPENDER", "专属客服跟进",
                "GAINED:BARGAIN_HUNTER", "null", "LOST:BIG_SPENDER", "null", "WARNING:", "一对一回访"),
                actions);
    }
}
