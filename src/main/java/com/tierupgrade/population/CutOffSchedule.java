package com.tierupgrade.population;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Cut-offs are relative to the whole population, which changes all day: they are recomputed on the configured
 * interval (and whenever a rule set is activated, see {@link PopulationCutOffs#useFor}).
 */
@ApplicationScoped
public class CutOffSchedule {

    private final PopulationCutOffs cutOffs;

    CutOffSchedule(PopulationCutOffs cutOffs) {
        this.cutOffs = cutOffs;
    }

    @Scheduled(every = "${tierup.cutoffs.every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recompute() {
        cutOffs.recompute(Instant.now());
    }
}
