package com.tierupgrade.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.tierupgrade.db.Jdbc;

/**
 * The shared job table: jobs created once per key whichever instance asks first, split into batches that instances
 * claim with {@code FOR UPDATE SKIP LOCKED} for a lease. Every instance reads the same progress from here.
 */
@ApplicationScoped
@Transactional
public class Jobs {

    /** What {@link #create} found: the job of the key, and whether this call made it. */
    public record Created(Job job, boolean isNew) {
    }

    private static final String SELECT_JOB = """
            SELECT j.id, j.kind, j.ruleset_version, j.created_by, j.created_at, j.state, j.finished_at, j.batches,
                   j.batches_done, j.customers, j.changed, j.error,
                   (SELECT string_agg(DISTINCT b.claimed_by, ',' ORDER BY b.claimed_by) FROM job_batch b
                    WHERE b.job_id = j.id AND b.claimed_by IS NOT NULL)
            FROM job j""";

    private static final String CLAIM = """
            UPDATE job_batch b SET state = 'CLAIMED', claimed_by = ?, attempts = b.attempts + 1,
                   lease_until = now() + make_interval(secs => ?)
            FROM (SELECT o.job_id, o.seq FROM job_batch o JOIN job j ON j.id = o.job_id
                  WHERE j.state = 'RUNNING' AND j.kind = ANY(?)
                    AND (NOT j.same_version_only OR j.ruleset_version = ?)
                    AND (o.state = 'WAITING' OR (o.state = 'CLAIMED' AND o.lease_until < now()))
                  ORDER BY o.job_id, o.seq LIMIT 1
                  FOR UPDATE OF o SKIP LOCKED) c, job j
            WHERE b.job_id = c.job_id AND b.seq = c.seq AND j.id = b.job_id
            RETURNING b.job_id, b.seq, j.kind, j.ruleset_version, b.after_key, b.up_to_key""";

    private final Jdbc jdbc;
    private final Duration lease;

    Jobs(Jdbc jdbc, ClusterConfig config) {
        this.jdbc = jdbc;
        this.lease = config.lease();
    }

    /**
     * The job of {@code key}: made now, with one batch per range between the {@code bounds} (ascending; the first
     * batch starts at the empty key, the last has no upper bound), or the one another instance made before.
     */
    public Created create(String kind, String key, String rulesetVersion, boolean sameVersionOnly, String createdBy,
            List<String> bounds) {
        Optional<Long> id = jdbc.one("""
                INSERT INTO job (kind, job_key, ruleset_version, same_version_only, created_by, state, batches)
                VALUES (?, ?, ?, ?, ?, 'RUNNING', ?) ON CONFLICT (job_key) DO NOTHING RETURNING id""",
                row -> row.getLong(1), kind, key, rulesetVersion, sameVersionOnly, createdBy, bounds.size() + 1);
        if (id.isEmpty()) {
            return new Created(jdbc.one(SELECT_JOB + " WHERE j.job_key = ?", Jobs::job, key).orElseThrow(), false);
        }
        List<Object[]> batches = new ArrayList<>();
        String after = "";
        for (int seq = 0; seq <= bounds.size(); seq++) {
            String upTo = seq < bounds.size() ? bounds.get(seq) : null;
            batches.add(new Object[] {id.get(), seq, after, upTo});
            after = upTo;
        }
        jdbc.batch("INSERT INTO job_batch (job_id, seq, after_key, up_to_key) VALUES (?, ?, ?, ?)", batches);
        return new Created(find(id.get()).orElseThrow(), true);
    }

    /** Stops the running jobs of these kinds but {@code except}: their batches left are not claimed any more. */
    public void stopRunning(Collection<String> kinds, long except, String why) {
        jdbc.update("""
                UPDATE job SET state = 'STOPPED', finished_at = now(), error = ?
                WHERE state = 'RUNNING' AND kind = ANY(?) AND id <> ?""", why, kinds, except);
    }

    /**
     * Claims one batch for {@code instance}: a waiting one, or one whose claimer's lease ran out, of a running job
     * of these kinds that this instance can do. Commits at once, so every instance sees who has it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Batch> claim(String instance, Collection<String> kinds, String servedVersion) {
        return jdbc.one(CLAIM, row -> new Batch(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6)), instance, lease.toMillis() / 1000.0, kinds, servedVersion);
    }

    /**
     * Inside the transaction that does the batch: locks it and answers whether it is still {@code instance}'s (not
     * taken over after its lease, not done). Until that transaction ends no other instance can claim it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean begin(Batch batch, String instance) {
        return jdbc.update("""
                UPDATE job_batch SET lease_until = now() + make_interval(secs => ?)
                WHERE job_id = ? AND seq = ? AND claimed_by = ? AND state = 'CLAIMED'""",
                lease.toMillis() / 1000.0, batch.jobId(), batch.seq(), instance) == 1;
    }

    /** In the same transaction as {@link #begin}: the batch is done, and its job when it was the last. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(Batch batch, BatchHandler.Done done) {
        jdbc.update("""
                UPDATE job_batch SET state = 'DONE', customers = ?, changed = ?, done_at = now()
                WHERE job_id = ? AND seq = ?""", done.customers(), done.changed(), batch.jobId(), batch.seq());
        // Last statement of the transaction: the job row stays locked only until the commit.
        jdbc.update("""
                UPDATE job SET batches_done = batches_done + 1, customers = customers + ?, changed = changed + ?,
                       finished_at = CASE WHEN state = 'RUNNING' AND batches_done + 1 >= batches
                                          THEN now() ELSE finished_at END,
                       state = CASE WHEN state = 'RUNNING' AND batches_done + 1 >= batches THEN 'DONE' ELSE state END
                WHERE id = ?""", done.customers(), done.changed(), batch.jobId());
    }

    /** A batch failed: its job stops with the error, whoever runs it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(long jobId, String error) {
        jdbc.update("UPDATE job SET state = 'FAILED', finished_at = now(), error = ? WHERE id = ? AND state = 'RUNNING'",
                error, jobId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Job> find(long id) {
        return jdbc.one(SELECT_JOB + " WHERE j.id = ?", Jobs::job, id);
    }

    /** The latest jobs of these kinds, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Job> recent(Collection<String> kinds, int limit) {
        return jdbc.list(SELECT_JOB + " WHERE j.kind = ANY(?) ORDER BY j.id DESC LIMIT ?", Jobs::job, kinds, limit);
    }

    private static Job job(ResultSet row) throws SQLException {
        String instances = row.getString(13);
        return new Job(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getTimestamp(5).toInstant(), row.getString(6), instant(row.getTimestamp(7)), row.getInt(8),
                row.getInt(9), row.getInt(10), row.getInt(11), row.getString(12),
                instances == null ? List.of() : Arrays.asList(instances.split(",")));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
