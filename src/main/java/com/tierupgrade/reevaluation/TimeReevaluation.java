package com.tierupgrade.reevaluation;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Windows move with time: re-evaluates every customer at the current time on the configured interval. */
@ApplicationScoped
public class TimeReevaluation {

    private static final Logger LOG = Logger.getLogger(TimeReevaluation.class);

    private final Reevaluations reevaluations;
    private final BulkConfirmations confirmations;

    TimeReevaluation(Reevaluations reevaluations, BulkConfirmations confirmations) {
        this.reevaluations = reevaluations;
        this.confirmations = confirmations;
    }

    @Scheduled(every = "${tierup.reevaluation.every}", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void moveWindows() {
        // A scheduled run would apply the new rules to everyone: it waits, like the bulk run, for a person.
        if (confirmations.pending().isPresent()) {
            LOG.warn("Scheduled re-evaluation skipped: a bulk re-evaluation waits for confirmation");
            return;
        }
        reevaluations.atCurrentTime();
    }
}
