package com.tierupgrade.rules.engine;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rule set every evaluation uses. Swapping it is atomic: an evaluation that already took the old one finishes
 * on it, the next one gets the new one, and no lock is held while the engine runs.
 */
@ApplicationScoped
public class ActiveRuleSet {

    /** The rule set in use, since when, and what made it the one in use. */
    public record Active(RuleSet ruleSet, Instant activatedAt, String trigger) {
    }

    private final AtomicReference<Active> active = new AtomicReference<>();

    public RuleSet current() {
        Active now = active.get();
        if (now == null) {
            throw new IllegalStateException("No rule set is active yet");
        }
        return now.ruleSet();
    }

    public Active active() {
        return active.get();
    }

    public void activate(RuleSet ruleSet, String trigger) {
        active.set(new Active(ruleSet, Instant.now(), trigger));
    }
}
