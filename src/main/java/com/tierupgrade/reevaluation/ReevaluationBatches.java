package com.tierupgrade.reevaluation;

import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.cluster.Batch;
import com.tierupgrade.cluster.BatchHandler;
import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.history.Cause;
import com.tierupgrade.rules.engine.ActiveRuleSet;

/**
 * One batch of a re-evaluation job: its customers, locked one page at a time inside the batch's transaction, with
 * the rule set this instance serves (a rule-set job is claimed only by instances serving its version).
 */
@ApplicationScoped
public class ReevaluationBatches implements BatchHandler {

    private static final int PAGE = 500;

    private final CustomerService customers;
    private final ActiveRuleSet rules;

    ReevaluationBatches(CustomerService customers, ActiveRuleSet rules) {
        this.customers = customers;
        this.rules = rules;
    }

    @Override
    public Set<String> kinds() {
        return Set.copyOf(Reevaluations.KINDS);
    }

    @Override
    public Done process(Batch batch) {
        UnaryOperator<Instant> asOf = batch.kind().equals(Cause.TIME.name()) ? ReevaluationBatches::atNow
                : ReevaluationBatches::atLast;
        String after = batch.afterKey();
        int seen = 0;
        int changed = 0;
        CustomerService.Batch page;
        do {
            page = customers.reevaluate(after, batch.upToKey(), PAGE, rules.current(), asOf);
            after = page.lastId();
            seen += page.customers();
            changed += page.changed();
        } while (page.customers() == PAGE);
        return new Done(seen, changed);
    }

    /** After a rule-set change: at the customer's own last evaluation time, so only the rules differ. */
    private static Instant atLast(Instant lastAsOf) {
        return lastAsOf == null ? Instant.now() : lastAsOf;
    }

    /** As time moves: now, unless the customer's facts were already evaluated at a later time. */
    private static Instant atNow(Instant lastAsOf) {
        Instant now = Instant.now();
        return lastAsOf != null && lastAsOf.isAfter(now) ? lastAsOf : now;
    }
}
