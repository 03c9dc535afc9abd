package com.tierupgrade.reevaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.web.Conflict;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.NotFound;

/**
 * Bulk re-evaluations that wait for a person: requested by an activation whose what-if counts go over the limit,
 * confirmed (the re-evaluation then runs) or dismissed by an editor, superseded by the next activation. Every request
 * stays recorded.
 */
@ApplicationScoped
@Transactional
public class BulkConfirmations {

    private static final Logger LOG = Logger.getLogger(BulkConfirmations.class);
    private static final int LISTED = 50;

    private final Reevaluations reevaluations;
    private final ActiveRuleSet rules;

    BulkConfirmations(Reevaluations reevaluations, ActiveRuleSet rules) {
        this.reevaluations = reevaluations;
        this.rules = rules;
    }

    /** Records a request for the rule set just activated, superseding any request still pending. */
    public BulkConfirmationView request(String version, String previousVersion, List<WhatIf> whatIf) {
        supersedePending();
        BulkConfirmation confirmation = new BulkConfirmation();
        confirmation.rulesetVersion = version;
        confirmation.previousVersion = previousVersion;
        confirmation.requestedAt = Instant.now();
        confirmation.whatIf = whatIf;
        confirmation.state = BulkConfirmation.State.PENDING;
        confirmation.persist();
        LOG.warnf("Rule set %s would move down more holders than allowed; the bulk re-evaluation waits for a person "
                + "(POST /reevaluations/confirmations/%d/confirm)", version, confirmation.id);
        return confirmation.view();
    }

    /** A later activation that needs no confirmation also ends the wait. */
    public void supersedePending() {
        BulkConfirmation.<BulkConfirmation>list("state", BulkConfirmation.State.PENDING).forEach(pending -> {
            pending.state = BulkConfirmation.State.SUPERSEDED;
            pending.decidedAt = Instant.now();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BulkConfirmationView> pending() {
        return BulkConfirmation.<BulkConfirmation>find("state", BulkConfirmation.State.PENDING).firstResultOptional()
                .map(BulkConfirmation::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BulkConfirmationView> recent() {
        return BulkConfirmation.<BulkConfirmation>find("ORDER BY id DESC").range(0, LISTED - 1).stream()
                .map(BulkConfirmation::view).toList();
    }

    /** Confirms the pending request and starts the bulk re-evaluation with the active rule set. */
    public BulkConfirmationView confirm(long id, String user, String reason) {
        BulkConfirmation confirmation = decide(id, user, reason, BulkConfirmation.State.CONFIRMED);
        reevaluations.afterRuleSetChange(rules.current());
        return confirmation.view();
    }

    public BulkConfirmationView dismiss(long id, String user, String reason) {
        return decide(id, user, reason, BulkConfirmation.State.DISMISSED).view();
    }

    private BulkConfirmation decide(long id, String user, String reason, BulkConfirmation.State state) {
        BulkConfirmation confirmation = BulkConfirmation.<BulkConfirmation>findByIdOptional(id)
                .orElseThrow(() -> new NotFound("No bulk confirmation " + id));
        if (confirmation.state != BulkConfirmation.State.PENDING) {
            throw new Conflict("Bulk confirmation " + id + " is " + confirmation.state + ", not PENDING",
                    List.of(new FieldProblem("id", "already " + confirmation.state)));
        }
        // Only a confirmation needs its rule set to be the one serving; dismissing an old request is always allowed.
        if (state == BulkConfirmation.State.CONFIRMED && !confirmation.rulesetVersion.equals(rules.current().version())) {
            throw new Conflict("Bulk confirmation " + id + " is for rule set " + confirmation.rulesetVersion
                    + ", which is no longer active", List.of(new FieldProblem("id", "rule set no longer active")));
        }
        confirmation.state = state;
        confirmation.decidedBy = user;
        confirmation.decidedAt = Instant.now();
        confirmation.reason = reason;
        return confirmation;
    }
}
