package com.tierupgrade.customer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.history.Cause;
import com.tierupgrade.history.History;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.population.CurrentCutOffs;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.EvaluationContext;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;

import io.quarkus.panache.common.Sort;

/** Stores a customer's facts, evaluates them with the active rules and records what changed, in one transaction. */
@ApplicationScoped
@Transactional
public class CustomerService {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final EventStore events;
    private final ActiveRuleSet rules;
    private final RuleEngine engine;
    private final History history;
    private final AttributeLog attributeLog;
    private final CurrentCutOffs cutOffs;

    CustomerService(Jdbc jdbc, EventStore events, ActiveRuleSet rules, RuleEngine engine,
            History history, AttributeLog attributeLog, CurrentCutOffs cutOffs) {
        this.jdbc = jdbc;
        this.events = events;
        this.rules = rules;
        this.engine = engine;
        this.history = history;
        this.attributeLog = attributeLog;
        this.cutOffs = cutOffs;
    }

    public FactsResponse receiveFacts(String customerId, ValidFacts received) {
        // Holding the customer's row lock serialises concurrent posts for the same customer only, so each one sees
        // the events of the other and the last decision reflects both.
        Customer customer = lockOrCreate(customerId);
        // "Now" is read only once the lock is held: a post that waited for another must not look older than it.
        Instant asOf = received.asOfOr(latest(Instant.now(), customer.asOf));
        if (customer.asOf != null && asOf.isBefore(customer.asOf)) {
            throw new EvaluationTimeBehind(customerId, asOf, customer.asOf);
        }
        List<AttributeChange> attributesChanged = customer.mergeAttributes(received.attributes());
        attributeLog.append(customerId, attributesChanged, Instant.now());
        boolean eventsChanged = events.save(customerId, received.events()) > 0;
        CustomerFacts facts = new CustomerFacts(customer.attributes, events.ofCustomer(customerId));
        Decided decided = decide(customer, facts, rules.current(), asOf, !attributesChanged.isEmpty() || eventsChanged);
        return new FactsResponse(customerId, decided.decision(), decided.entries());
    }

    /**
     * Re-evaluates the customers after {@code afterId} (in id order, at most {@code size}) with {@code ruleSet}, in
     * one transaction. {@code asOf} gives each customer's evaluation time from its last one.
     */
    public Batch reevaluate(String afterId, int size, RuleSet ruleSet, UnaryOperator<Instant> asOf) {
        List<Customer> batch = Customer.<Customer>find("id > ?1", Sort.by("id"), afterId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, size - 1).list();
        Map<String, List<FactEvent>> eventsById = events.ofCustomers(batch.stream().map(c -> c.id).toList());
        int changed = 0;
        for (Customer customer : batch) {
            CustomerFacts facts = new CustomerFacts(customer.attributes, eventsById.getOrDefault(customer.id, List.of()));
            if (!decide(customer, facts, ruleSet, asOf.apply(customer.asOf), false).entries().isEmpty()) {
                changed++;
            }
        }
        return new Batch(batch.isEmpty() ? afterId : batch.get(batch.size() - 1).id, batch.size(), changed);
    }

    /** The facts of the customers after {@code afterId}, in id order, at most {@code size}; reads only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, CustomerFacts> facts(String afterId, int size) {
        List<Map.Entry<String, Map<String, Object>>> attributes = jdbc.list(
                "SELECT id, attributes FROM customer WHERE id > ? ORDER BY id LIMIT ?",
                row -> Map.entry(row.getString(1), jdbc.fromJson(row.getString(2), ATTRIBUTES)), afterId, size);
        Map<String, List<FactEvent>> eventsById = events.ofCustomers(attributes.stream().map(Map.Entry::getKey)
                .toList());
        Map<String, CustomerFacts> facts = new LinkedHashMap<>();
        attributes.forEach(customer -> facts.put(customer.getKey(),
                new CustomerFacts(customer.getValue(), eventsById.getOrDefault(customer.getKey(), List.of()))));
        return facts;
    }

    /** How far a batch got: the last customer id it read, how many it read and how many changed. */
    public record Batch(String lastId, int customers, int changed) {
    }

    /** A decision and the history entries it added. */
    private record Decided(Decision decision, List<HistoryView> entries) {
    }

    private Decided decide(Customer customer, CustomerFacts facts, RuleSet ruleSet, Instant asOf,
            boolean factsChanged) {
        Optional<Decision> previous = customer.decision();
        Decision decision = engine.evaluate(ruleSet, customer.id, facts, asOf,
                new EvaluationContext(previous, cutOffs.current()));
        Cause cause = factsChanged ? Cause.NEW_FACTS
                : previous.filter(p -> !p.rulesetVersion().equals(decision.rulesetVersion())).isPresent()
                        ? Cause.RULESET_CHANGE
                        : Cause.TIME;
        List<HistoryView> entries = history.record(customer.id, previous, decision, ruleSet.ladders(), cause, facts);
        customer.apply(decision, Instant.now());
        return new Decided(decision, entries);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CustomerView> find(String customerId) {
        return Customer.<Customer>findByIdOptional(customerId).map(customer -> new CustomerView(
                customer.id, customer.attributes,
                events.ofCustomer(customerId).stream().map(FactEvent::asJson).toList(),
                customer.decision().orElse(null), customer.createdAt, customer.updatedAt));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryView> history(String customerId, long after, int limit) {
        if (Customer.findById(customerId) == null) {
            throw new CustomerNotFound(customerId);
        }
        return history.ofCustomer(customerId, after, limit);
    }

    /** One customer's attribute changes, oldest first, optionally of one attribute only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttributeLog.Entry> attributeHistory(String customerId, String name, long after, int limit) {
        if (Customer.findById(customerId) == null) {
            throw new CustomerNotFound(customerId);
        }
        return attributeLog.ofCustomer(customerId, name, after, limit);
    }

    private static Instant latest(Instant now, Instant last) {
        return last != null && last.isAfter(now) ? last : now;
    }

    private Customer lockOrCreate(String customerId) {
        jdbc.update("INSERT INTO customer (id) VALUES (?) ON CONFLICT (id) DO NOTHING", customerId);
        return Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
    }
}
