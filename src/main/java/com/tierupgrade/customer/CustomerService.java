package com.tierupgrade.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.history.Cause;
import com.tierupgrade.history.History;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.rules.ActiveRuleSet;
import com.tierupgrade.rules.RuleEngine;
import com.tierupgrade.rules.RuleSet;

/** Stores a customer's facts, evaluates them with the active rules and records what changed, in one transaction. */
@ApplicationScoped
@Transactional
public class CustomerService {

    private final EntityManager entityManager;
    private final EventStore events;
    private final ActiveRuleSet rules;
    private final RuleEngine engine;
    private final History history;

    CustomerService(EntityManager entityManager, EventStore events, ActiveRuleSet rules, RuleEngine engine,
            History history) {
        this.entityManager = entityManager;
        this.events = events;
        this.rules = rules;
        this.engine = engine;
        this.history = history;
    }

    public FactsResponse receiveFacts(String customerId, ValidFacts received) {
        // Holding the customer's row lock serialises concurrent posts for the same customer only, so each one sees
        // the events of the other and the last decision reflects both.
        Customer customer = lockOrCreate(customerId);
        Instant asOf = received.asOf();
        if (customer.asOf != null && asOf.isBefore(customer.asOf)) {
            throw new EvaluationTimeBehind(customerId, asOf, customer.asOf);
        }
        boolean attributesChanged = customer.mergeAttributes(received.attributes());
        boolean eventsChanged = events.save(customerId, received.events()) > 0;
        CustomerFacts facts = new CustomerFacts(customer.attributes, events.ofCustomer(customerId));

        RuleSet ruleSet = rules.current();
        Decision decision = engine.evaluate(ruleSet, customerId, facts, asOf);
        Optional<Decision> previous = customer.decision();
        Cause cause = attributesChanged || eventsChanged ? Cause.NEW_FACTS
                : previous.filter(p -> !p.rulesetVersion().equals(decision.rulesetVersion())).isPresent()
                        ? Cause.RULESET_CHANGE
                        : Cause.TIME;
        List<HistoryView> entries = history.record(customerId, previous, decision, ruleSet.ladders(), cause, facts);
        customer.apply(decision, Instant.now());
        return new FactsResponse(customerId, decision, entries);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CustomerView> find(String customerId) {
        return Optional.ofNullable(entityManager.find(Customer.class, customerId)).map(customer -> new CustomerView(
                customer.id, customer.attributes,
                events.ofCustomer(customerId).stream().map(FactEvent::asJson).toList(),
                customer.decision().orElse(null), customer.createdAt, customer.updatedAt));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryView> history(String customerId, long after, int limit) {
        if (entityManager.find(Customer.class, customerId) == null) {
            throw new CustomerNotFound(customerId);
        }
        return history.ofCustomer(customerId, after, limit);
    }

    private Customer lockOrCreate(String customerId) {
        entityManager.createNativeQuery("INSERT INTO customer (id) VALUES (?1) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, customerId)
                .executeUpdate();
        return entityManager.find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE);
    }
}
