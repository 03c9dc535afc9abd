package com.tierupgrade.reevaluation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.customer.CustomerService.Batch;
import com.tierupgrade.history.Cause;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.RuleSet;

/**
 * Re-evaluates every stored customer in the background, in batches of one transaction each, while the service keeps
 * answering requests. One job runs at a time; a new one stops the one running, whose work the new one redoes.
 */
@ApplicationScoped
public class Reevaluations {

    private static final Logger LOG = Logger.getLogger(Reevaluations.class);
    private static final int BATCH_SIZE = 200;
    private static final int KEPT = 20;

    /**
     * What a job did so far. {@code state} is RUNNING, DONE, STOPPED or FAILED; {@code finishedAt} is null while it
     * runs, {@code error} null unless it failed.
     */
    public record Progress(long id, Cause cause, String rulesetVersion, Instant startedAt,
            @Schema(nullable = true) Instant finishedAt, String state, int customers, int changed,
            @Schema(nullable = true) String error) {
    }

    private final CustomerService customers;
    private final ActiveRuleSet rules;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reevaluation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Deque<Progress> recent = new ArrayDeque<>();
    private volatile long running;

    Reevaluations(CustomerService customers, ActiveRuleSet rules) {
        this.customers = customers;
        this.rules = rules;
    }

    /** Every customer again at its own last evaluation time, so only the rules differ. */
    public Progress afterRuleSetChange(RuleSet ruleSet) {
        return start(Cause.RULESET_CHANGE, () -> ruleSet, lastAsOf -> lastAsOf == null ? Instant.now() : lastAsOf);
    }

    /** Every customer at the current time, so windows move on for customers who sent nothing new. */
    public Progress atCurrentTime() {
        return start(Cause.TIME, rules::current, lastAsOf -> {
            Instant now = Instant.now();
            return lastAsOf != null && lastAsOf.isAfter(now) ? lastAsOf : now;
        });
    }

    public synchronized List<Progress> recent() {
        return List.copyOf(recent);
    }

    private synchronized Progress start(Cause cause, Supplier<RuleSet> ruleSet, UnaryOperator<Instant> asOf) {
        long id = ids.incrementAndGet();
        running = id;
        Progress progress = new Progress(id, cause, ruleSet.get().version(), Instant.now(), null, "RUNNING", 0, 0,
                null);
        update(progress);
        worker.submit(() -> run(progress, ruleSet, asOf));
        return progress;
    }

    private void run(Progress progress, Supplier<RuleSet> ruleSet, UnaryOperator<Instant> asOf) {
        String after = "";
        int done = 0;
        int changed = 0;
        try {
            while (running == progress.id()) {
                Batch batch = customers.reevaluate(after, BATCH_SIZE, ruleSet.get(), asOf);
                after = batch.lastId();
                done += batch.customers();
                changed += batch.changed();
                update(withCounts(progress, "RUNNING", done, changed, null));
                if (batch.customers() < BATCH_SIZE) {
                    update(withCounts(progress, "DONE", done, changed, null));
                    LOG.infof("Re-evaluation %d (%s) done: %d customers, %d changed", progress.id(),
                            progress.cause(), done, changed);
                    return;
                }
            }
            update(withCounts(progress, "STOPPED", done, changed, "a newer re-evaluation took over"));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Re-evaluation %d failed after %d customers", progress.id(), done);
            update(withCounts(progress, "FAILED", done, changed, e.getMessage()));
        }
    }

    private static Progress withCounts(Progress progress, String state, int done, int changed, String error) {
        return new Progress(progress.id(), progress.cause(), progress.rulesetVersion(), progress.startedAt(),
                state.equals("RUNNING") ? null : Instant.now(), state, done, changed, error);
    }

    private synchronized void update(Progress progress) {
        recent.removeIf(old -> old.id() == progress.id());
        recent.addFirst(progress);
        while (recent.size() > KEPT) {
            recent.removeLast();
        }
    }

    @PreDestroy
    void stop() {
        running = -1;
        worker.shutdownNow();
    }
}
