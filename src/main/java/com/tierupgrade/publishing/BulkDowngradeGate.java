package com.tierupgrade.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.population.CurrentCutOffs;
import com.tierupgrade.reevaluation.WhatIf;
import com.tierupgrade.rules.engine.EvaluationContext;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;

/**
 * Counts, before a new rule set is applied to stored customers, what the bulk re-evaluation would do: for each value
 * of each ordered dimension, how many customers hold it now and how many the new rules would put lower, each
 * customer evaluated at its own last evaluation time as the bulk re-evaluation would. Reads only; batches of 2000
 * evaluated on all cores, like the simulation.
 */
@ApplicationScoped
class BulkDowngradeGate {

    private static final int BATCH_SIZE = 2000;

    private final CustomerService customers;
    private final RuleEngine engine;
    private final CurrentCutOffs cutOffs;
    private final BulkConfig config;

    BulkDowngradeGate(CustomerService customers, RuleEngine engine, CurrentCutOffs cutOffs, BulkConfig config) {
        this.customers = customers;
        this.engine = engine;
        this.cutOffs = cutOffs;
        this.config = config;
    }

    boolean enabled() {
        return config.maxDowngradeShare() < 1;
    }

    /** Per value of each ordered dimension that has holders: holders now, and how many the draft's rules put lower. */
    List<WhatIf> whatIf(RuleSet draft) {
        List<Ladder> ordered = draft.ladders().all().stream()
                .filter(ladder -> ladder.ordered() && !ladder.multiValued()).toList();
        Map<List<String>, LongAdder> holders = new ConcurrentHashMap<>();
        Map<List<String>, LongAdder> downgraded = new ConcurrentHashMap<>();
        // The rules alone: no previous decision, so no policy or manual decision hides what the rules would say.
        EvaluationContext context = new EvaluationContext(Optional.empty(), cutOffs.current(), List.of());
        String after = "";
        while (true) {
            Map<String, CustomerService.Stored> batch = customers.stored(after, BATCH_SIZE);
            batch.entrySet().parallelStream().forEach(customer -> {
                CustomerService.Stored stored = customer.getValue();
                Decision then = engine.evaluate(draft, customer.getKey(), stored.facts(), stored.asOf(), context);
                for (Ladder ladder : ordered) {
                    String now = stored.dimensions().get(ladder.dimension());
                    if (now == null || !ladder.contains(now)) {
                        continue;
                    }
                    List<String> key = List.of(ladder.dimension(), now);
                    holders.computeIfAbsent(key, k -> new LongAdder()).increment();
                    if (ladder.rank(then.valueOf(ladder.dimension())) < ladder.rank(now)) {
                        downgraded.computeIfAbsent(key, k -> new LongAdder()).increment();
                    }
                }
            });
            if (batch.size() < BATCH_SIZE) {
                break;
            }
            after = new ArrayList<>(batch.keySet()).get(batch.size() - 1);
        }
        List<WhatIf> counts = new ArrayList<>();
        for (Ladder ladder : ordered) {
            for (Ladder.Rung rung : ladder.rungs()) {
                List<String> key = List.of(ladder.dimension(), rung.code());
                long held = holders.containsKey(key) ? holders.get(key).sum() : 0;
                if (held == 0) {
                    continue;
                }
                long down = downgraded.containsKey(key) ? downgraded.get(key).sum() : 0;
                double share = (double) down / held;
                counts.add(new WhatIf(ladder.dimension(), rung.code(), rung.name(), held, down, share,
                        held >= config.minHolders() && share > config.maxDowngradeShare()));
            }
        }
        return counts;
    }

    static boolean needsConfirmation(List<WhatIf> whatIf) {
        return whatIf.stream().anyMatch(WhatIf::overThreshold);
    }
}
