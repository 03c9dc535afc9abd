package com.tierupgrade.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.ops.MeasuredHistory;
import com.tierupgrade.rules.Ladders;

/**
 * The append-only tier history. It can append and read; nothing here updates or deletes, and the database refuses
 * both as well.
 */
@ApplicationScoped
public class History {

    private final EntityManager entityManager;

    History(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Appends an entry for each change between the stored decision and the new one, with the facts it was made on.
     * Appends nothing when nothing changed.
     */
    @MeasuredHistory
    public List<HistoryView> record(String customerId, Optional<Decision> previous, Decision next, Ladders ladders,
            Cause cause, CustomerFacts facts) {
        List<Change> changes = Changes.between(previous, next, ladders);
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
        entityManager.persist(evaluation);
        return changes.stream().map(change -> {
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
            entry.asOf = evaluation.asOf;
            entry.cause = evaluation.cause;
            entry.rulesetVersion = evaluation.rulesetVersion;
            entityManager.persist(entry);
            return HistoryView.of(entry);
        }).toList();
    }

    /** The warnings raised for any customer, oldest first, after the entry id {@code after} (0 for the start). */
    public List<HistoryView> warnings(long after, int limit) {
        return entityManager.createQuery("""
                SELECT h FROM HistoryEntry h JOIN FETCH h.evaluation
                WHERE h.kind = com.tierupgrade.history.Kind.WARNING AND h.id > :after ORDER BY h.id""",
                HistoryEntry.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultStream().map(HistoryView::of).toList();
    }

    /** One customer's entries, oldest first, after the entry id {@code after} (0 for the start). */
    public List<HistoryView> ofCustomer(String customerId, long after, int limit) {
        return entityManager.createQuery("""
                SELECT h FROM HistoryEntry h JOIN FETCH h.evaluation
                WHERE h.customerId = :customerId AND h.id > :after ORDER BY h.id""", HistoryEntry.class)
                .setParameter("customerId", customerId)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultStream().map(HistoryView::of).toList();
    }
}
