package com.tierupgrade.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.population.CurrentCutOffs;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.EvaluationContext;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;

/**
 * Evaluates every stored customer under a draft rule set and under the active one, at the same time, and counts what
 * would change. Reads only: nothing is stored.
 */
@ApplicationScoped
public class Simulation {

    private static final int BATCH_SIZE = 2000;
    private static final int SAMPLES = 5;
    private static final String NONE = "NONE";

    public record Transition(String from, String to, long count, List<String> sampleCustomerIds) {
    }

    /** Counts per value before and after, and every from → to pair with its count (changes first). */
    public record DimensionReport(Map<String, Long> before, Map<String, Long> after, List<Transition> transitions) {
    }

    /** The counts per dimension of the draft's ladders.yaml, in its order. */
    public record Report(Instant asOf, String activeVersion, String draftVersion, long customers, long changed,
            long elapsedMillis, Map<String, DimensionReport> dimensions) {
    }

    private final CustomerService customers;
    private final ActiveRuleSet active;
    private final RuleEngine engine;
    private final CurrentCutOffs cutOffs;

    Simulation(CustomerService customers, ActiveRuleSet active, RuleEngine engine, CurrentCutOffs cutOffs) {
        this.customers = customers;
        this.active = active;
        this.engine = engine;
        this.cutOffs = cutOffs;
    }

    public Report run(RuleSet draft, Instant asOf) {
        long started = System.nanoTime();
        RuleSet current = active.current();
        EvaluationContext context = new EvaluationContext(Optional.empty(), cutOffs.current());
        Map<String, Tally> tallies = new LinkedHashMap<>();
        draft.ladders().byDimension().keySet().forEach(dimension -> tallies.put(dimension, new Tally()));
        LongAdder changed = new LongAdder();
        long count = 0;
        String after = "";
        while (true) {
            Map<String, CustomerFacts> batch = customers.facts(after, BATCH_SIZE);
            batch.entrySet().parallelStream().forEach(customer -> {
                Decision before = engine.evaluate(current, customer.getKey(), customer.getValue(), asOf, context);
                Decision then = engine.evaluate(draft, customer.getKey(), customer.getValue(), asOf, context);
                boolean anyChanged = false;
                for (Map.Entry<String, Tally> tally : tallies.entrySet()) {
                    String dimension = tally.getKey();
                    anyChanged |= tally.getValue().add(customer.getKey(), before.stateOf(dimension),
                            then.stateOf(dimension));
                }
                if (anyChanged) {
                    changed.increment();
                }
            });
            count += batch.size();
            if (batch.size() < BATCH_SIZE) {
                break;
            }
            after = new ArrayList<>(batch.keySet()).get(batch.size() - 1);
        }
        Map<String, DimensionReport> reports = new LinkedHashMap<>();
        tallies.forEach((dimension, tally) -> reports.put(dimension, tally.report()));
        return new Report(asOf, current.version(), draft.version(), count, changed.sum(),
                (System.nanoTime() - started) / 1_000_000, reports);
    }

    /** Thread-safe counts of one dimension. */
    private static final class Tally {
        private final Map<String, LongAdder> before = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> after = new ConcurrentHashMap<>();
        private final Map<List<String>, Pair> pairs = new ConcurrentHashMap<>();

        private record Pair(LongAdder count, List<String> samples) {
        }

        boolean add(String customerId, String from, String to) {
            String fromValue = from == null ? NONE : from;
            String toValue = to == null ? NONE : to;
            before.computeIfAbsent(fromValue, v -> new LongAdder()).increment();
            after.computeIfAbsent(toValue, v -> new LongAdder()).increment();
            Pair pair = pairs.computeIfAbsent(List.of(fromValue, toValue), p -> new Pair(new LongAdder(), new ArrayList<>()));
            pair.count().increment();
            synchronized (pair) {
                if (pair.samples().size() < SAMPLES) {
                    pair.samples().add(customerId);
                }
            }
            return !fromValue.equals(toValue);
        }

        DimensionReport report() {
            Function<Map<String, LongAdder>, Map<String, Long>> sums = counts -> {
                Map<String, Long> sorted = new TreeMap<>();
                counts.forEach((value, adder) -> sorted.put(value, adder.sum()));
                return sorted;
            };
            List<Transition> transitions = pairs.entrySet().stream()
                    .map(entry -> new Transition(entry.getKey().get(0), entry.getKey().get(1),
                            entry.getValue().count().sum(), List.copyOf(entry.getValue().samples())))
                    .sorted(Comparator.comparing((Transition t) -> t.from().equals(t.to()))
                            .thenComparing(Comparator.comparingLong(Transition::count).reversed()))
                    .toList();
            return new DimensionReport(sums.apply(before), sums.apply(after), transitions);
        }
    }
}
