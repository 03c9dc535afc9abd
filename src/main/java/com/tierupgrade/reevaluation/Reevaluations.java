package com.tierupgrade.reevaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.cluster.Job;
import com.tierupgrade.cluster.JobWorker;
import com.tierupgrade.cluster.Jobs;
import com.tierupgrade.cluster.Instances;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.history.Cause;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.RuleSet;

/**
 * Re-evaluates every stored customer in the background as a shared job (cluster.Jobs): split into batches of
 * {@value #BATCH_SIZE} customers by id, which every instance claims while it is free, one transaction each
 * ({@link ReevaluationBatches}). A new job stops the one running, whose work the new one redoes.
 */
@ApplicationScoped
public class Reevaluations {

    static final int BATCH_SIZE = 200;
    static final List<String> KINDS = List.of(Cause.RULESET_CHANGE.name(), Cause.TIME.name());
    private static final int KEPT = 20;

    /**
     * What a job did so far, the same on every instance. {@code state} is RUNNING, DONE, STOPPED or FAILED;
     * {@code finishedAt} is null while it runs, {@code error} null unless it failed or stopped; {@code instances}
     * claimed its batches.
     */
    public record Progress(long id, Cause cause, String rulesetVersion, Instant startedAt,
            @Schema(nullable = true) Instant finishedAt, String state, int customers, int changed,
            @Schema(nullable = true) String error, int batches, int batchesDone, List<String> instances) {

        static Progress of(Job job) {
            return new Progress(job.id(), Cause.valueOf(job.kind()), job.rulesetVersion(), job.createdAt(),
                    job.finishedAt(), job.state(), job.customers(), job.changed(), job.error(), job.batches(),
                    job.batchesDone(), job.instances());
        }
    }

    private final Jobs jobs;
    private final JobWorker worker;
    private final Instances instances;
    private final ActiveRuleSet rules;
    private final Jdbc jdbc;

    Reevaluations(Jobs jobs, JobWorker worker, Instances instances, ActiveRuleSet rules, Jdbc jdbc) {
        this.jobs = jobs;
        this.worker = worker;
        this.instances = instances;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /**
     * Every customer again at its own last evaluation time, so only the rules differ. Only instances serving
     * {@code ruleSet} take part. Instances activating the same change make one job: its key is the version and
     * the latest rule-set job before it.
     */
    public Progress afterRuleSetChange(RuleSet ruleSet) {
        Optional<Job> latest = jobs.recent(List.of(Cause.RULESET_CHANGE.name()), 1).stream().findFirst();
        if (latest.isPresent() && latest.get().rulesetVersion().equals(ruleSet.version())
                && List.of("RUNNING", "DONE").contains(latest.get().state())) {
            return Progress.of(latest.get());
        }
        String key = "RULESET_CHANGE " + ruleSet.version() + " after " + latest.map(Job::id).orElse(0L);
        return start(Cause.RULESET_CHANGE, key, ruleSet.version(), true);
    }

    /** Every customer at the current time, so windows move on for customers who sent nothing new. */
    public Progress atCurrentTime() {
        return start(Cause.TIME, "TIME now " + UUID.randomUUID(), rules.current().version(), false);
    }

    /** The same for one slot of the schedule: whichever instance comes first makes the job, the others find it. */
    public Progress inSlot(Instant slot) {
        return start(Cause.TIME, "TIME slot " + slot, rules.current().version(), false);
    }

    public List<Progress> recent() {
        return jobs.recent(KINDS, KEPT).stream().map(Progress::of).toList();
    }

    private Progress start(Cause cause, String key, String version, boolean sameVersionOnly) {
        Jobs.Created created = jobs.create(cause.name(), key, version, sameVersionOnly, instances.id(), bounds());
        if (created.isNew()) {
            jobs.stopRunning(KINDS, created.job().id(), "a newer re-evaluation took over");
            worker.wake();
        }
        return Progress.of(created.job());
    }

    /** Every {@value #BATCH_SIZE}th customer id: the upper bounds of the batches. */
    private List<String> bounds() {
        return jdbc.list("""
                SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM customer) c
                WHERE n % ? = 0 ORDER BY id""", row -> row.getString(1), BATCH_SIZE);
    }
}
