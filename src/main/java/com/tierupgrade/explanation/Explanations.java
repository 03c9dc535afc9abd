package com.tierupgrade.explanation;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.customer.CustomerNotFound;
import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.customer.CustomerView;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.history.HistoryEntries;
import com.tierupgrade.history.query.HistoryEntryNotFound;
import com.tierupgrade.rules.engine.ActiveRuleSet;

/**
 * Loads what an explanation tells and hands it to the {@link Explainer}. Display names come from the active rule
 * set's ladders; a code it no longer has is shown as the code.
 */
@ApplicationScoped
public class Explanations {

    private final CustomerService customers;
    private final HistoryEntries entries;
    private final ActiveRuleSet rules;

    Explanations(CustomerService customers, HistoryEntries entries, ActiveRuleSet rules) {
        this.customers = customers;
        this.entries = entries;
        this.rules = rules;
    }

    /** The customer's current decision; 404 for an unknown customer, or one never evaluated. */
    public Explanation ofCustomer(String customerId) {
        CustomerView customer = customers.find(customerId).orElseThrow(() -> new CustomerNotFound(customerId));
        Decision decision = customer.decision();
        if (decision == null) {
            throw new CustomerNotFound(customerId);
        }
        return explainer().decision(customerId, decision,
                entries.causeOfLastEvaluation(customerId, decision.asOf(), decision.rulesetVersion()).orElse(null));
    }

    public Explanation ofEntry(long entryId) {
        return explainer().entry(entries.find(entryId).orElseThrow(() -> new HistoryEntryNotFound(entryId)));
    }

    private Explainer explainer() {
        return new Explainer(rules.current().ladders());
    }
}
