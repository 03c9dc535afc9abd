package com.tierupgrade.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.publishing.scenario.ScenarioResult;
import com.tierupgrade.publishing.scenario.ScenarioRunner;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.fact.CutOff;

/**
 * Issue 17: the engine that reuses sessions decides exactly what the straightforward engine (a new session and
 * listeners per evaluation, kept as {@link StraightforwardRuleEngine}) decides — the same values, reasons, held-back
 * tiers, measures, warnings, cut-offs and fired rules — on the shipped scenarios and on thousands of random customers,
 * also when evaluations of two rule sets interleave and when several threads evaluate at once.
 */
class RuleEngineEquivalenceTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");
    private static final String[] FLAGS = { "addedWeCom", "addedWeChat", "inGroup", "followsOfficialAccount",
        "distributorOptIn", "distributorRefused", "member", "paidInfluencer" };
    private static final String[] TYPES = { "PURCHASE", "VISIT", "INTERACTION", "SHARE", "REFERRAL_PURCHASE", "REVIEW",
        "SUGGESTION", "COMPLAINT", "REFUND", "PROMOTION", "FAVORITE" };
    private static final String[] KINDS = { "READ", "LIKE", "REPLY", "QUESTION" };

    private static RuleSet rules;
    private static RuleSet otherRules;
    private final RuleEngine engine = new RuleEngine();
    private final RuleEngine reference = new StraightforwardRuleEngine();

    @TempDir
    static Path draft;

    @BeforeAll
    static void compile() throws IOException {
        rules = new RuleSetCompiler().compile(Path.of("rules"));
        // a second rule set (a draft as in a what-if: repeat buyers need 3 purchases), so that sessions of two
        // knowledge bases are in use at once
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, draft.resolve(file.getFileName().toString()));
            }
        }
        Path parameters = draft.resolve("parameters.yaml");
        String changed = Files.readString(parameters).replaceFirst("(?m)^reliantMinPurchases: .*$",
                "reliantMinPurchases: 3");
        assertTrue(!changed.equals(Files.readString(parameters)), "parameters.yaml has reliantMinPurchases");
        Files.writeString(parameters, changed);
        otherRules = new RuleSetCompiler().compile(draft);
        assertTrue(!otherRules.version().equals(rules.version()));
    }

    @AfterAll
    static void release() {
        rules = null;
        otherRules = null;
    }

    /** Records every decision an engine gives, so that two runs of the scenarios can be compared call by call. */
    private static final class Recording extends RuleEngine {
        private final RuleEngine engine;
        private final List<Decision> decisions = new ArrayList<>();

        Recording(RuleEngine engine) {
            this.engine = engine;
        }

        @Override
        public Decision evaluate(RuleSet ruleSet, String customerId, CustomerFacts facts, Instant asOf,
                EvaluationContext context) {
            Decision decision = engine.evaluate(ruleSet, customerId, facts, asOf, context);
            decisions.add(decision);
            return decision;
        }
    }

    @Test
    void shouldDecideTheShippedScenariosAsTheStraightforwardEngine() {
        Map<String, String> scenarios = ScenarioRunner.readScenarioFiles(Path.of("rules"));
        Recording pooled = new Recording(engine);
        Recording straightforward = new Recording(reference);

        List<ScenarioResult> pooledResults = new ScenarioRunner(pooled).run(rules, scenarios);
        List<ScenarioResult> straightforwardResults = new ScenarioRunner(straightforward).run(rules, scenarios);

        assertTrue(pooledResults.stream().allMatch(ScenarioResult::passed), ScenarioRunner.report(pooledResults));
        assertEquals(straightforwardResults, pooledResults);
        assertTrue(pooled.decisions.size() > 100, pooled.decisions.size() + " decisions");
        assertEquals(straightforward.decisions, pooled.decisions);
    }

    @Test
    void shouldDecideRandomCustomersAsTheStraightforwardEngine() {
        Random random = new Random(17);
        int differences = 0;
        List<String> firstDifferences = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            CustomerFacts facts = randomCustomer(random);
            EvaluationContext context = new EvaluationContext(Optional.empty(), randomCutOffs(random));
            RuleSet ruleSet = i % 2 == 0 ? rules : otherRules;
            Decision expected = reference.evaluate(ruleSet, "c" + i, facts, AS_OF, context);
            Decision actual = engine.evaluate(ruleSet, "c" + i, facts, AS_OF, context);
            // later, continuing from the decision before (grace periods, steps down, drift warnings)
            Instant later = AS_OF.plus(Duration.ofDays(random.nextInt(200)));
            Decision expectedLater = reference.evaluate(ruleSet, "c" + i, facts, later,
                    new EvaluationContext(Optional.of(expected), context.cutOffs()));
            Decision actualLater = engine.evaluate(ruleSet, "c" + i, facts, later,
                    new EvaluationContext(Optional.of(actual), context.cutOffs()));
            if (!expected.equals(actual) || !expectedLater.equals(actualLater)) {
                differences++;
                if (firstDifferences.size() < 3) {
                    firstDifferences.add(facts + "\n  expected " + expected + "\n  actual   " + actual);
                }
            }
        }
        assertEquals(0, differences, String.join("\n", firstDifferences));
    }

    @Test
    void shouldDecideTheSameWhenThreadsShareTheSessions() throws Exception {
        Random random = new Random(4);
        List<CustomerFacts> customers = new ArrayList<>();
        List<Decision> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            CustomerFacts facts = randomCustomer(random);
            customers.add(facts);
            expected.add(reference.evaluate(i % 2 == 0 ? rules : otherRules, "c" + i, facts, AS_OF,
                    EvaluationContext.NONE));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(threads.submit(() -> {
                    int wrong = 0;
                    for (int round = 0; round < 3; round++) {
                        for (int n = 0; n < customers.size(); n++) {
                            int i = (n + offset * 97) % customers.size();
                            Decision decision = engine.evaluate(i % 2 == 0 ? rules : otherRules, "c" + i,
                                    customers.get(i), AS_OF, EvaluationContext.NONE);
                            wrong += decision.equals(expected.get(i)) ? 0 : 1;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(0, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
        int idle = rules.sessions().idle();
        assertTrue(idle >= 1 && idle <= SessionPool.MAX_IDLE, idle + " idle sessions");
    }

    @Test
    void shouldStampTheVersionOfTheRuleSetWhoseSessionEvaluated() {
        CustomerFacts facts = randomCustomer(new Random(1));
        Decision first = engine.evaluate(rules, "c", facts, AS_OF);
        Decision other = engine.evaluate(otherRules, "c", facts, AS_OF);
        Decision again = engine.evaluate(rules, "c", facts, AS_OF);

        assertEquals(rules.version(), first.rulesetVersion());
        assertEquals(otherRules.version(), other.rulesetVersion());
        assertEquals(first, again);
    }

    private static CustomerFacts randomCustomer(Random random) {
        Map<String, Object> attributes = new HashMap<>();
        for (String flag : FLAGS) {
            int draw = random.nextInt(10);
            if (draw < 4) {
                attributes.put(flag, true);
            } else if (draw < 6) {
                attributes.put(flag, false);
            }
        }
        if (random.nextInt(3) == 0) {
            attributes.put("city", random.nextBoolean() ? "北京" : "Hangzhou");
        }
        List<FactEvent> events = new ArrayList<>();
        int count = random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(10);
        for (int e = 0; e < count; e++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            // mostly within a year, some after the evaluation time (they must not count)
            Instant at = AS_OF.minus(Duration.ofHours(random.nextInt(400 * 24) - 10 * 24));
            events.add(new FactEvent("e" + e, type, at, fields(type, random)));
        }
        return new CustomerFacts(attributes, events);
    }

    private static Map<String, Object> fields(String type, Random random) {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (type) {
            case "PURCHASE" -> {
                fields.put("amount", 50 + random.nextInt(1500));
                fields.put("couponUsed", random.nextBoolean());
                if (random.nextBoolean()) {
                    fields.put("brand", random.nextBoolean() ? "资生堂" : "A");
                }
            }
            case "INTERACTION" -> fields.put("kind", KINDS[random.nextInt(KINDS.length)]);
            case "SHARE" -> fields.put("incentivized", random.nextBoolean());
            case "REFERRAL_PURCHASE" -> {
                fields.put("referredCustomerId", "friend" + random.nextInt(5));
                fields.put("amount", random.nextInt(500));
            }
            case "REVIEW" -> fields.put("rating", 1 + random.nextInt(5));
            case "COMPLAINT" -> fields.put("resolved", random.nextBoolean());
            case "REFUND" -> fields.put("amount", random.nextInt(800));
            case "PROMOTION" -> fields.put("responded", random.nextBoolean());
            default -> {
            }
        }
        return fields;
    }

    private static List<CutOff> randomCutOffs(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> List.of();
            case 1 -> List.of(new CutOff("superUserSpend", "近90天消费前10%", 200 + random.nextInt(1500), 1000, AS_OF));
            default -> List.of(new CutOff("superUserSpend", "近90天消费前10%", 500, 1000, AS_OF),
                    new CutOff("priorityCarePurchases", "近365天购买次数前30%", 1 + random.nextInt(4), 1000, AS_OF));
        };
    }
}
