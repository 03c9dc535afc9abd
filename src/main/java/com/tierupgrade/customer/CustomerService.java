package com.tierupgrade.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.ManualKind;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.history.Cause;
import com.tierupgrade.history.History;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.history.ManualEntry;
import com.tierupgrade.population.CurrentCutOffs;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.EvaluationContext;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.ruleusage.RuleUsage;

import io.quarkus.panache.common.Sort;

/** Stores a customer's facts, evaluates them with the active rules and records what changed, in one transaction. */
@ApplicationScoped
@Transactional
public class CustomerService {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> DIMENSIONS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final EventStore events;
    private final ActiveRuleSet rules;
    private final RuleEngine engine;
    private final History history;
    private final AttributeLog attributeLog;
    private final CurrentCutOffs cutOffs;
    private final RuleUsage usage;

    CustomerService(Jdbc jdbc, EventStore events, ActiveRuleSet rules, RuleEngine engine,
            History history, AttributeLog attributeLog, CurrentCutOffs cutOffs, RuleUsage usage) {
        this.usage = usage;
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
        usage.count(customerId, decided.decision());
        return new FactsResponse(customerId, decided.decision(), decided.entries());
    }

    /**
     * Puts a person's floor, pin or hold in force for one customer (replacing the one in the same place: a floor or
     * pin replaces the dimension's floor or pin, a hold its hold) and re-evaluates the customer at its last
     * evaluation time, so only the manual decision differs; both are recorded together.
     */
    public FactsResponse setManual(String customerId, ManualDecision decision) {
        Customer customer = lockExisting(customerId);
        List<ManualDecision> manual = new ArrayList<>();
        List<ManualEntry> entries = new ArrayList<>();
        for (ManualDecision old : customer.manualDecisions) {
            if (old.sameSlot(decision.dimension(), decision.kind())) {
                entries.add(ManualEntry.release(old, decision.author(), "被新的人工决定取代:" + decision.reason()));
            } else {
                manual.add(old);
            }
        }
        manual.add(decision);
        entries.add(ManualEntry.set(decision));
        return decideByHand(customer, manual, entries);
    }

    /**
     * Releases the floor or pin (kind FLOOR or PIN) or the hold (HOLD) of one dimension; the customer is re-evaluated at its
     * last evaluation time. Empty when nothing of the kind is in force.
     */
    public Optional<FactsResponse> release(String customerId, String dimension, ManualKind kind, String author,
            String reason) {
        Customer customer = lockExisting(customerId);
        Optional<ManualDecision> released = customer.manualDecisions.stream()
                .filter(old -> old.sameSlot(dimension, kind)).findFirst();
        if (released.isEmpty()) {
            return Optional.empty();
        }
        List<ManualDecision> manual = new ArrayList<>(customer.manualDecisions);
        manual.remove(released.get());
        return Optional.of(decideByHand(customer, manual,
                List.of(ManualEntry.release(released.get(), author, reason))));
    }

    private FactsResponse decideByHand(Customer customer, List<ManualDecision> manual, List<ManualEntry> entries) {
        CustomerFacts facts = new CustomerFacts(customer.attributes, events.ofCustomer(customer.id));
        Decided decided = decide(customer, facts, rules.current(), customer.asOf, Cause.MANUAL, manual, entries);
        usage.count(customer.id, decided.decision());
        return new FactsResponse(customer.id, decided.decision(), decided.entries());
    }

    private Customer lockExisting(String customerId) {
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null || customer.asOf == null) {
            throw new CustomerNotFound(customerId);
        }
        return customer;
    }

    /**
     * Re-evaluates the customers after {@code afterId} (in id order, at most {@code size}) with {@code ruleSet}, in
     * one transaction. {@code asOf} gives each customer's evaluation time from its last one.
     */
    public Batch reevaluate(String afterId, int size, RuleSet ruleSet, UnaryOperator<Instant> asOf) {
        return reevaluate(afterId, null, size, ruleSet, asOf);
    }

    /** The same, only the customers up to {@code upToId} (inclusive; no bound when null): one batch of a shared job. */
    public Batch reevaluate(String afterId, String upToId, int size, RuleSet ruleSet, UnaryOperator<Instant> asOf) {
        List<Customer> batch = (upToId == null ? Customer.<Customer>find("id > ?1", Sort.by("id"), afterId)
                : Customer.<Customer>find("id > ?1 and id <= ?2", Sort.by("id"), afterId, upToId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, size - 1).list();
        Map<String, List<FactEvent>> eventsById = events.ofCustomers(batch.stream().map(c -> c.id).toList());
        int changed = 0;
        List<Decision> decisions = new ArrayList<>(batch.size());
        for (Customer customer : batch) {
            CustomerFacts facts = new CustomerFacts(customer.attributes, eventsById.getOrDefault(customer.id, List.of()));
            Decided decided = decide(customer, facts, ruleSet, asOf.apply(customer.asOf), false);
            decisions.add(decided.decision());
            if (!decided.entries().isEmpty()) {
                changed++;
            }
        }
        usage.countBatch(decisions);
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

    /** A stored customer as a what-if count needs it: facts, current value per dimension, last evaluation time. */
    public record Stored(CustomerFacts facts, Map<String, String> dimensions, Instant asOf) {
    }

    /** The stored customers after {@code afterId} that have a decision, in id order, at most {@code size}; reads only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Stored> stored(String afterId, int size) {
        record Row(String id, Map<String, Object> attributes, Map<String, Object> dimensions, Instant asOf) {
        }
        List<Row> rows = jdbc.list("SELECT id, attributes, dimensions, as_of FROM customer WHERE id > ?"
                + " AND as_of IS NOT NULL ORDER BY id LIMIT ?",
                row -> new Row(row.getString(1), jdbc.fromJson(row.getString(2), ATTRIBUTES),
                        jdbc.fromJson(row.getString(3), DIMENSIONS),
                        row.getObject(4, OffsetDateTime.class).toInstant()), afterId, size);
        Map<String, List<FactEvent>> eventsById = events.ofCustomers(rows.stream().map(Row::id).toList());
        Map<String, Stored> stored = new LinkedHashMap<>();
        rows.forEach(row -> stored.put(row.id(), new Stored(new CustomerFacts(row.attributes(),
                eventsById.getOrDefault(row.id(), List.of())), singleValued(row.dimensions()), row.asOf())));
        return stored;
    }

    /** The single-valued dimensions' codes; a multi-valued dimension is stored as an array of codes and left out. */
    private static Map<String, String> singleValued(Map<String, Object> dimensions) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (dimensions != null) {
            dimensions.forEach((dimension, code) -> {
                if (code instanceof String single) {
                    codes.put(dimension, single);
                }
            });
        }
        return codes;
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
        boolean ruleSetChanged = previous.filter(p -> !p.rulesetVersion().equals(ruleSet.version())).isPresent();
        Cause cause = factsChanged ? Cause.NEW_FACTS : ruleSetChanged ? Cause.RULESET_CHANGE : Cause.TIME;
        return decide(customer, facts, ruleSet, asOf, cause, customer.manualDecisions, List.of());
    }

    private Decided decide(Customer customer, CustomerFacts facts, RuleSet ruleSet, Instant asOf, Cause cause,
            List<ManualDecision> manual, List<ManualEntry> manualEntries) {
        Optional<Decision> previous = customer.decision();
        Decision decision = engine.evaluate(ruleSet, customer.id, facts, asOf,
                new EvaluationContext(previous, cutOffs.current(), manual));
        List<HistoryView> entries = history.record(customer.id, previous, decision, ruleSet.ladders(), cause, facts,
                manualEntries);
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
