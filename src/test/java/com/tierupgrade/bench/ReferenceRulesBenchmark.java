package com.tierupgrade.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.rules.fact.Event;
import com.tierupgrade.rules.fact.Profile;

/**
 * The reference of issue 17 for {@link RuleEngineBenchmark}: a trivial rule base of 20 rules (one pattern each on the
 * profile or an event, consequences that only count) run in a new stateless session on the same facts, in the same
 * JMH run. The ratio of the two scores says how far the shipped rules are from what Drools does at its cheapest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReferenceRulesBenchmark {

    static final int RULES = 20;

    @Param({ "repeatBuyer", "heavy" })
    public String customer;

    private StatelessKieSession session;
    private List<Object> facts;

    /** What the trivial rules count; a global, so the consequences have an effect the JIT cannot drop. */
    public static final class Counter {
        public int fired;
    }

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp() {
        RuleEngineBenchmark.useServiceLogLevels();
        KieBase kieBase = compile(drl());
        session = kieBase.newStatelessKieSession();
        CustomerFacts customerFacts = switch (customer) {
            case "repeatBuyer" -> RuleEngineBenchmark.repeatBuyer();
            case "heavy" -> RuleEngineBenchmark.heavy();
            default -> throw new IllegalArgumentException("unknown customer " + customer);
        };
        facts = new ArrayList<>();
        facts.add(new Profile("bench-" + customer, customerFacts.attributes()));
        Instant asOf = RuleEngineBenchmark.AS_OF;
        for (FactEvent event : customerFacts.events()) {
            facts.add(new Event(event.id(), event.type(), event.at(), asOf, event.fields()));
        }
        Counter counter = new Counter();
        session.setGlobal("counter", counter);
        session.execute(facts);
        System.out.println("\nreference " + customer + ": " + facts.size() + " facts, " + counter.fired
                + " firings");
    }

    /** Each evaluation: a new stateless session over the customer's facts (profile and events). */
    @Benchmark
    public void evaluate() {
        session.execute(facts);
    }

    static String drl() {
        String[] types = { "PURCHASE", "INTERACTION", "SHARE", "REFERRAL_PURCHASE", "REVIEW", "VISIT" };
        StringBuilder drl = new StringBuilder("package reference;\nimport com.tierupgrade.rules.fact.*;\n"
                + "global " + Counter.class.getCanonicalName() + " counter;\n");
        for (int i = 0; i < RULES; i++) {
            drl.append("rule \"r").append(i).append("\"\nwhen\n");
            if (i % 5 == 0) {
                drl.append("    Profile( flag(\"addedWeCom\") )\n");
            } else {
                drl.append("    Event( type == \"").append(types[i % types.length]).append("\", daysAgo < ")
                        .append(10 * i).append(" )\n");
            }
            drl.append("then\n    counter.fired++;\nend\n");
        }
        return drl.toString();
    }

    static KieBase compile(String drl) {
        KieServices kieServices = KieServices.Factory.get();
        KieFileSystem fileSystem = kieServices.newKieFileSystem();
        fileSystem.write("src/main/resources/reference/reference.drl", drl);
        KieBuilder builder = kieServices.newKieBuilder(fileSystem).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException(builder.getResults().toString());
        }
        return kieServices.newKieContainer(kieServices.getRepository().getDefaultReleaseId()).getKieBase();
    }
}
