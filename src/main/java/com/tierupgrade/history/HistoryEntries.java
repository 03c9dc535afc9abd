package com.tierupgrade.history;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads one history entry by its id, with its evaluation. Reads only. */
@ApplicationScoped
public class HistoryEntries {

    private final EntityManager entityManager;

    HistoryEntries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<HistoryView> find(long id) {
        return entityManager.createQuery(
                "SELECT h FROM HistoryEntry h JOIN FETCH h.evaluation WHERE h.id = :id", HistoryEntry.class)
                .setParameter("id", id)
                .getResultStream().findFirst().map(HistoryView::of);
    }

    /**
     * Why the customer's last recorded evaluation ran, if that evaluation is the one made at {@code asOf} with
     * {@code rulesetVersion}; empty when a later evaluation changed nothing (and so left no row) or none exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cause> causeOfLastEvaluation(String customerId, Instant asOf, String rulesetVersion) {
        return entityManager.createQuery("""
                SELECT e FROM Evaluation e WHERE e.customerId = :customerId ORDER BY e.id DESC""", Evaluation.class)
                .setParameter("customerId", customerId)
                .setMaxResults(1)
                .getResultStream().findFirst()
                .filter(e -> e.asOf.equals(asOf) && e.rulesetVersion.equals(rulesetVersion))
                .map(e -> e.cause);
    }
}
