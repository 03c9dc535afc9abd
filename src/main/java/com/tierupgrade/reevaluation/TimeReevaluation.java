package com.tierupgrade.reevaluation;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Windows move with time: re-evaluates every customer at the current time on the configured interval. */
@ApplicationScoped
public class TimeReevaluation {

    private final Reevaluations reevaluations;

    TimeReevaluation(Reevaluations reevaluations) {
        this.reevaluations = reevaluations;
    }

    @Scheduled(every = "${tierup.reevaluation.every}", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void moveWindows() {
        reevaluations.atCurrentTime();
    }
}
