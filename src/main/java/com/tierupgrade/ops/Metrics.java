package com.tierupgrade.ops;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The service's own Prometheus metrics (served at /q/metrics on the management port); docs/operations.md lists them.
 * Callers record with one line each; the meters and their names live only here.
 */
@ApplicationScoped
public class Metrics {

    static final String EVALUATIONS = "tierup.evaluations";
    static final String HISTORY_ENTRIES = "tierup.history.entries";
    static final String HOLDS = "tierup.holds";
    static final String RELOADS = "tierup.ruleset.reloads";
    /** Hold reasons are text that rules write; past this many distinct reasons new ones are not recorded. */
    static final int MAX_HOLD_REASONS = 200;

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer evaluations;
    private final Counter reloadsAccepted;
    private final Counter reloadsRefused;

    Metrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        this.evaluations = Timer.builder(EVALUATIONS)
                .description("Evaluations of a customer's facts by the rule engine (stored, dry run, re-evaluation, "
                        + "simulation)")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        this.reloadsAccepted = reloads("accepted");
        this.reloadsRefused = reloads("refused");
    }

    /** One appended history entry, as the metrics see it: {@code to} and {@code reasons} matter only for holds. */
    public record RecordedEntry(String dimension, String kind, String to, List<String> reasons) {

        boolean isHold() {
            return "HELD_BACK".equals(kind);
        }
    }

    /** Registers zero counters, so that dashboards see every series from the start. */
    public void expectHistory(List<String> dimensions, List<String> kinds) {
        for (String dimension : dimensions) {
            for (String kind : kinds) {
                historyEntries(dimension, kind);
            }
        }
    }

    /** One evaluation by the rule engine that took {@code nanos}. */
    public void evaluated(long nanos) {
        evaluations.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** History entries appended; counted once their transaction commits (at once outside a transaction). */
    public void historyRecorded(List<RecordedEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            count(entries);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count(entries);
                }
            }
        });
    }

    /** A change of the rules folder was activated. */
    public void reloadAccepted() {
        reloadsAccepted.increment();
    }

    /** A change of the rules folder was refused (did not compile or a scenario failed). */
    public void reloadRefused() {
        reloadsRefused.increment();
    }

    private void count(List<RecordedEntry> entries) {
        for (RecordedEntry entry : entries) {
            historyEntries(entry.dimension(), entry.kind()).increment();
            if (entry.isHold()) {
                for (String reason : entry.reasons()) {
                    Counter.builder(HOLDS).description("Upgrades held back by a filter rule, by tier and reason")
                            .tag("tier", String.valueOf(entry.to())).tag("reason", reason)
                            .register(registry).increment();
                }
            }
        }
    }

    private Counter historyEntries(String dimension, String kind) {
        return Counter.builder(HISTORY_ENTRIES).description("History entries appended, by dimension and kind")
                .tag("dimension", dimension).tag("kind", kind).register(registry);
    }

    private Counter reloads(String outcome) {
        return Counter.builder(RELOADS).description("Changes of the rules folder, activated or refused")
                .tag("outcome", outcome).register(registry);
    }

    /** Keeps a rule that writes ever-new reasons from growing the metrics without bound. */
    @Produces
    @Singleton
    MeterFilter boundedHoldReasons() {
        return MeterFilter.maximumAllowableTags(HOLDS, "reason", MAX_HOLD_REASONS, MeterFilter.deny());
    }
}
