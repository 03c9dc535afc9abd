package com.tierupgrade.population;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.tierupgrade.cluster.Instances;
import com.tierupgrade.cluster.JobWorker;
import com.tierupgrade.cluster.Jobs;
import com.tierupgrade.cluster.ScheduleSlot;

import io.quarkus.scheduler.Scheduled;

/**
 * Cut-offs are relative to the whole population, which changes all day: they are recomputed on the configured
 * interval (and whenever a rule set is activated, see {@link PopulationCutOffs#useFor}). Every instance runs the
 * schedule; each slot makes one job of one batch ({@link CutOffBatch}), done by whichever instance claims it, and the
 * other instances take the stored values ({@link #follow}).
 */
@ApplicationScoped
public class CutOffSchedule {

    static final String KIND = "CUT_OFFS";

    private final PopulationCutOffs cutOffs;
    private final Jobs jobs;
    private final JobWorker worker;
    private final Instances instances;
    private final String every;

    CutOffSchedule(PopulationCutOffs cutOffs, Jobs jobs, JobWorker worker, Instances instances,
            @ConfigProperty(name = "tierup.cutoffs.every") String every) {
        this.cutOffs = cutOffs;
        this.jobs = jobs;
        this.worker = worker;
        this.instances = instances;
        this.every = every;
    }

    @Scheduled(every = "${tierup.cutoffs.every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recompute() {
        // Before the first activation (a slow start-up) there is nothing to compute for; activating computes them.
        Optional<String> version = cutOffs.activeVersion();
        if (version.isEmpty()) {
            return;
        }
        Instant slot = ScheduleSlot.of(every, Instant.now());
        if (jobs.create(KIND, KIND + " slot " + slot, version.get(), false, instances.id(), List.of()).isNew()) {
            worker.wake();
        }
    }

    /** Cut-offs another instance computed become this instance's too, within one interval of this check. */
    @Scheduled(every = "${tierup.cutoffs.follow}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        cutOffs.followStored();
    }
}
