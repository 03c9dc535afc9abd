package com.tierupgrade.rules.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Watches one evaluation's firings and halts the session when the rules fire too often, run too long, or the thread
 * is interrupted (a check that ran out of time). Halting takes effect between two firings; the sandbox
 * ({@code rules.compiler.RuleSafety}) refuses what could run without end inside one firing.
 */
final class EvaluationBudget extends DefaultAgendaEventListener {

    /** The defaults of {@link EvaluationLimits}, for engines made without configuration (tests, tools). */
    static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 10_000);

    record Limits(Duration timeout, int maxFirings) {

        static Limits of(EvaluationLimits config) {
            return new Limits(config.timeout(), config.maxFirings());
        }
    }

    private final Limits limits;
    private final long deadline;
    private final Map<String, Integer> firingsByRule = new HashMap<>();
    private int firings;
    private String lastRule;
    private String exceeded;

    EvaluationBudget(Limits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        lastRule = event.getMatch().getRule().getName();
        firingsByRule.merge(lastRule, 1, Integer::sum);
        if (exceeded == null) {
            if (++firings > limits.maxFirings()) {
                String rule = mostFired();
                exceeded = "rule '" + rule + "' fired " + firingsByRule.get(rule) + " times, and all rules more than "
                        + limits.maxFirings() + " times in one evaluation (tierup.evaluation.max-firings)";
            } else if (System.nanoTime() - deadline > 0) {
                exceeded = "rule '" + lastRule + "' was firing when the evaluation ran past its time budget of "
                        + limits.timeout().toMillis() + " ms (tierup.evaluation.timeout)";
            } else if (Thread.currentThread().isInterrupted()) {
                exceeded = "rule '" + lastRule + "' was firing when the check was stopped";
            }
            if (exceeded != null) {
                event.getKieRuntime().halt();
            }
        }
    }

    /** Throws when the evaluation was halted for going over its budget; the rule that did it is named. */
    void check() {
        if (exceeded == null && System.nanoTime() - deadline > 0 && lastRule != null) {
            // the last firing itself ran past the deadline
            exceeded = "rule '" + lastRule + "' was firing when the evaluation ran past its time budget of "
                    + limits.timeout().toMillis() + " ms (tierup.evaluation.timeout)";
        }
        if (exceeded != null) {
            throw new EvaluationBudgetExceeded(exceeded, mostFired());
        }
    }

    private String mostFired() {
        return firingsByRule.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(lastRule);
    }
}
