package com.tierupgrade.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.ops.Metrics;
import com.tierupgrade.rules.engine.Ladders;

import io.quarkus.runtime.StartupEvent;

/**
 * The append-only tier history. It can append and read; nothing here updates or deletes, and the database refuses
 * both as well.
 */
@ApplicationScoped
public class History {

    private final Metrics metrics;

    /** Observers write in the same transaction (the integration outbox). */
    @Inject
    Event<HistoryRecorded> observers;

    History(Metrics metrics) {
        this.metrics = metrics;
    }

    void expectMetrics(@Observes StartupEvent startup) {
        metrics.expectHistory(List.of(Ladders.STAGE, Ladders.TIER),
                Arrays.stream(Kind.values()).map(Kind::name).toList());
    }

    /**
     * Appends an entry for each change between the stored decision and the new one, with the facts it was made on.
     * Appends nothing when nothing changed.
     */
    public List<HistoryView> record(String customerId, Optional<Decision> previous, Decision next, Ladders ladders,
            Cause cause, CustomerFacts facts) {
        return record(customerId, previous, next, ladders, cause, facts, List.of());
    }

    /** The same, with the manual actions of a person that caused this evaluation recorded first. */
    public List<HistoryView> record(String customerId, Optional<Decision> previous, Decision next, Ladders ladders,
            Cause cause, CustomerFacts facts, List<ManualEntry> manual) {
        List<Change> changes = Changes.between(previous, next, ladders, manual);
        if (changes.isEmpty()) {
            return List.of();
        }
        Evaluation evaluation = new Evaluation();
        evaluation.customerId = customerId;
        evaluation.asOf = next.asOf();
        evaluation.cause = cause;
        evaluation.rulesetVersion = next.rulesetVersion();
        evaluation.firedRules = next.firedRules();
        evaluation.facts = facts.seenAt(next.asOf());
        evaluation.measures = next.measures();
        evaluation.cutOffs = next.cutOffs();
        evaluation.recordedAt = Instant.now();
        evaluation.persist();
        List<HistoryView> recorded = changes.stream().map(change -> {
            HistoryEntry entry = new HistoryEntry();
            entry.evaluation = evaluation;
            entry.customerId = customerId;
            entry.dimension = change.dimension();
            entry.kind = change.kind();
            entry.fromValue = change.from();
            entry.toValue = change.to();
            entry.reasons = change.reasons();
            entry.rule = change.rule();
            entry.warning = change.warning();
            entry.author = change.author();
            entry.manual = change.manual();
            entry.expiresAt = change.expiresAt();
            entry.asOf = evaluation.asOf;
            entry.cause = evaluation.cause;
            entry.rulesetVersion = evaluation.rulesetVersion;
            entry.persist();
            return HistoryView.of(entry);
        }).toList();
        metrics.historyRecorded(recorded.stream().map(entry -> new Metrics.RecordedEntry(entry.dimension(),
                entry.kind().name(), entry.to(), entry.reasons())).toList());
        observers.fire(new HistoryRecorded(customerId, recorded, ladders));
        return recorded;
    }

    /** The warnings raised for any customer, oldest first, after the entry id {@code after} (0 for the start). */
    public List<HistoryView> warnings(long after, int limit) {
        return HistoryEntry.<HistoryEntry>find("FROM HistoryEntry h JOIN FETCH h.evaluation"
                + " WHERE h.kind = ?1 AND h.id > ?2 ORDER BY h.id", Kind.WARNING, after).range(0, limit - 1).stream().map(HistoryView::of).toList();
    }

    /** One customer's entries, oldest first, after the entry id {@code after} (0 for the start). */
    public List<HistoryView> ofCustomer(String customerId, long after, int limit) {
        return HistoryEntry.<HistoryEntry>find("FROM HistoryEntry h JOIN FETCH h.evaluation WHERE h.customerId = ?1"
                + " AND h.id > ?2 ORDER BY h.id", customerId, after).range(0, limit - 1).stream().map(HistoryView::of)
                .toList();
    }
}
