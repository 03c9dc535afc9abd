package com.tierupgrade.reevaluation;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.tierupgrade.cluster.ScheduleSlot;

import io.quarkus.scheduler.Scheduled;

/**
 * Windows move with time: re-evaluates every customer at the current time on the configured interval. Every
 * instance runs the schedule, but a slot of it makes one job (the first instance makes it, the others find it), and
 * all instances share its batches.
 */
@ApplicationScoped
public class TimeReevaluation {

    private static final Logger LOG = Logger.getLogger(TimeReevaluation.class);

    private final Reevaluations reevaluations;
    private final BulkConfirmations confirmations;
    private final String every;

    TimeReevaluation(Reevaluations reevaluations, BulkConfirmations confirmations,
            @ConfigProperty(name = "tierup.reevaluation.every") String every) {
        this.reevaluations = reevaluations;
        this.confirmations = confirmations;
        this.every = every;
    }

    @Scheduled(every = "${tierup.reevaluation.every}", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void moveWindows() {
        // A scheduled run would apply the new rules to everyone: it waits, like the bulk run, for a person.
        if (confirmations.pending().isPresent()) {
            LOG.warn("Scheduled re-evaluation skipped: a bulk re-evaluation waits for confirmation");
            return;
        }
        reevaluations.inSlot(ScheduleSlot.of(every, Instant.now()));
    }
}
