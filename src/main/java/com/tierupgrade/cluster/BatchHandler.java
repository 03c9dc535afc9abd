package com.tierupgrade.cluster;

/**
 * Does the batches of one kind of job. Features implement it as a bean (one kind belongs to one handler); {@link JobWorker} hands it the batches this
 * instance claimed, each inside the transaction that marks the batch done, so work and completion commit together.
 */
public interface BatchHandler {

    /** What was done: customers seen and how many of them changed. */
    record Done(int customers, int changed) {
    }

    /** The kinds of job whose batches this handler does. */
    java.util.Set<String> kinds();

    Done process(Batch batch);
}
