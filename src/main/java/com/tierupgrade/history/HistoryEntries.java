package com.tierupgrade.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Reads one history entry by its id, with its evaluation. Reads only. */
@ApplicationScoped
public class HistoryEntries {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<HistoryView> find(long id) {
        return HistoryEntry.<HistoryEntry>find("FROM HistoryEntry h JOIN FETCH h.evaluation WHERE h.id = ?1", id)
                .firstResultOptional().map(HistoryView::of);
    }

    /**
     * Why the customer's last recorded evaluation ran, if that evaluation is the one made at {@code asOf} with
     * {@code rulesetVersion}; empty when a later evaluation changed nothing (and so left no row) or none exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cause> causeOfLastEvaluation(String customerId, Instant asOf, String rulesetVersion) {
        return Evaluation.<Evaluation>find("customerId", Sort.descending("id"), customerId).firstResultOptional()
                .filter(e -> e.asOf.equals(asOf) && e.rulesetVersion.equals(rulesetVersion))
                .map(e -> e.cause);
    }

    /** How many entries of each kind a rule-set version wrote for {@code cause}; served by the index on both. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> countByKind(String rulesetVersion, Cause cause) {
        List<Object[]> rows = HistoryEntry.getEntityManager().createQuery("""
                SELECT h.kind, count(h) FROM HistoryEntry h WHERE h.rulesetVersion = ?1 AND h.cause = ?2
                GROUP BY h.kind""", Object[].class).setParameter(1, rulesetVersion).setParameter(2, cause)
                .getResultList();
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row[0].toString(), (Long) row[1]));
        return counts;
    }
}
