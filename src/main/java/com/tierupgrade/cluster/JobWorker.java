package com.tierupgrade.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.tierupgrade.rules.engine.ActiveRuleSet;

import io.quarkus.scheduler.Scheduled;

/**
 * This instance's share of the jobs: whenever it is free (on every poll, or woken when a job is created here) it
 * claims batches one by one and does them until none is left that it can do.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final Jobs jobs;
    private final BatchRun run;
    private final Instances instances;
    private final ActiveRuleSet rules;
    private final Map<String, BatchHandler> handlers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jobs");
        thread.setDaemon(true);
        return thread;
    });

    JobWorker(Jobs jobs, BatchRun run, Instances instances, ActiveRuleSet rules, Instance<BatchHandler> handlers) {
        this.jobs = jobs;
        this.run = run;
        this.instances = instances;
        this.rules = rules;
        this.handlers = handlers.stream().flatMap(handler -> handler.kinds().stream().map(kind -> Map.entry(kind, handler)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Scheduled(every = "${tierup.cluster.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Starts working in the background unless this instance already is. */
    public void wake() {
        if (rules.active() != null && busy.compareAndSet(false, true)) {
            worker.submit(() -> {
                try {
                    workAs(instances.id());
                } finally {
                    busy.set(false);
                }
            });
        }
    }

    /** Claims and does batches as {@code instance} until none is left; answers how many it did. */
    public int workAs(String instance) {
        return workAs(instance, rules.current().version());
    }

    /** The same, as an instance serving the rule set {@code servedVersion}. */
    public int workAs(String instance, String servedVersion) {
        int done = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Optional<Batch> claimed;
            try {
                claimed = jobs.claim(instance, handlers.keySet(), servedVersion);
            } catch (RuntimeException e) {
                LOG.warnf("No batch claimed: %s", e.getMessage());
                return done;
            }
            if (claimed.isEmpty()) {
                return done;
            }
            Batch batch = claimed.get();
            try {
                if (run.run(batch, instance, handlers.get(batch.kind()))) {
                    done++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Batch %d of job %d (%s) failed", batch.seq(), batch.jobId(), batch.kind());
                jobs.fail(batch.jobId(), String.valueOf(e.getMessage()));
            }
        }
        return done;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
