package com.tierupgrade.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.rules.engine.StraightforwardRuleEngine;

/**
 * In-process evaluations per second of the default rule set (the files in rules/), one customer per call, with no
 * database and no HTTP; the same customers through the engine as it was before issue 17, and
 * {@link ReferenceRulesBenchmark} (a trivial 20-rule stateless session) in the same run give the ratios. Not a unit test: run it with {@code ./mvnw -Pbench test-compile exec:exec} (see
 * docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEngineBenchmark {

    /** A fixed evaluation time, so every iteration sees the same windows. */
    static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");

    /**
     * repeatBuyer: WeCom contact, 4 interactions and 2 purchases (6 events) → RELIANT / FOLLOWER.
     * heavy: 30 events (interactions, purchases, shares, referral purchases, reviews, a suggestion, a resolved
     * complaint, a refund, visits) and several flags, so most rules and some filters match.
     */
    @Param({ "repeatBuyer", "heavy" })
    public String customer;

    private RuleSet ruleSet;
    private RuleEngine engine;
    private StraightforwardRuleEngine straightforward;
    private CustomerFacts facts;

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp() {
        useServiceLogLevels();
        ruleSet = new RuleSetCompiler().compile(Path.of("rules"));
        engine = new RuleEngine();
        straightforward = new StraightforwardRuleEngine();
        facts = switch (customer) {
            case "repeatBuyer" -> repeatBuyer();
            case "heavy" -> heavy();
            default -> throw new IllegalArgumentException("unknown customer " + customer);
        };
        Decision decision = engine.evaluate(ruleSet, "bench-" + customer, facts, AS_OF);
        System.out.println("\n" + customer + ": " + facts.events().size() + " events -> stage " + decision.stage()
                + ", tier " + decision.tier() + ", held back " + decision.heldBack().size() + ", fired "
                + decision.firedRules().size() + " rules");
    }

    /**
     * Outside a Quarkus application, Quarkus' initial log configurator (on the test classpath) leaves the root logger
     * at ALL, so every Drools trace message would be formatted and buffered; measured that way an evaluation is
     * several times slower than in the service. Apply the levels the service runs with (application.properties):
     * INFO, and WARN for org.drools and org.kie.
     */
    static void useServiceLogLevels() {
        LogContext context = LogContext.getLogContext();
        context.getLogger("").setLevel(Level.INFO);
        context.getLogger("org.drools").setLevel(Level.WARNING);
        context.getLogger("org.kie").setLevel(Level.WARNING);
    }

    @Benchmark
    public Decision evaluate() {
        return engine.evaluate(ruleSet, "bench-" + customer, facts, AS_OF);
    }

    /** The engine before issue 17 (a new session and three listeners per evaluation), for the before/after ratio. */
    @Benchmark
    public Decision evaluateStraightforward() {
        return straightforward.evaluate(ruleSet, "bench-" + customer, facts, AS_OF);
    }

    static CustomerFacts repeatBuyer() {
        Builder b = new Builder().with("addedWeCom", true);
        b.events(4, "INTERACTION", 5, Map.of("kind", "LIKE"));
        b.events(2, "PURCHASE", 30, Map.of("amount", 300, "couponUsed", false));
        return b.build();
    }

    static CustomerFacts heavy() {
        Builder b = new Builder().with("addedWeCom", true).with("inGroup", true).with("followsOfficialAccount", true)
                .with("distributorOptIn", true).with("member", true).with("city", "Hangzhou");
        b.events(8, "INTERACTION", 2, Map.of("kind", "REPLY"));
        b.events(6, "PURCHASE", 10, Map.of("amount", 260, "brand", "A", "couponUsed", false));
        b.events(4, "SHARE", 4, Map.of("incentivized", false));
        b.events(4, "REFERRAL_PURCHASE", 6, Map.of("referredCustomerId", "friend", "amount", 120));
        b.event("REVIEW", 20, Map.of("rating", 5));
        b.event("REVIEW", 40, Map.of("rating", 2));
        b.event("REFUND", 35, Map.of("amount", 260));
        b.event("SUGGESTION", 15, Map.of());
        b.event("COMPLAINT", 50, Map.of("resolved", true));
        b.events(3, "VISIT", 1, Map.of());
        return b.build();
    }

    /** Events dated relative to {@link #AS_OF}; the N-th event of a run of events is one day older. */
    static final class Builder {
        private final Map<String, Object> attributes = new HashMap<>();
        private final List<FactEvent> events = new ArrayList<>();

        Builder with(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        Builder event(String type, int daysAgo, Map<String, Object> fields) {
            events.add(new FactEvent("e" + events.size(), type, AS_OF.minus(Duration.ofDays(daysAgo)), fields));
            return this;
        }

        Builder events(int count, String type, int daysAgo, Map<String, Object> fields) {
            for (int i = 0; i < count; i++) {
                event(type, daysAgo + i, fields);
            }
            return this;
        }

        CustomerFacts build() {
            return new CustomerFacts(attributes, events);
        }
    }
}
