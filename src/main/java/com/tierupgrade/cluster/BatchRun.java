package com.tierupgrade.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** One claimed batch in one transaction: locked, done by its handler, marked done, committed together. */
@ApplicationScoped
public class BatchRun {

    private final Jobs jobs;

    BatchRun(Jobs jobs) {
        this.jobs = jobs;
    }

    /** Answers false, doing nothing, when the batch is no longer {@code instance}'s (its lease ran out). */
    @Transactional
    public boolean run(Batch batch, String instance, BatchHandler handler) {
        if (!jobs.begin(batch, instance)) {
            return false;
        }
        jobs.finish(batch, handler.process(batch));
        return true;
    }
}
