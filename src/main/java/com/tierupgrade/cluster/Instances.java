package com.tierupgrade.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.rules.engine.ActiveRuleSet;

import io.quarkus.scheduler.Scheduled;

/**
 * This instance's heartbeat in the table {@code service_instance} (id, host, start, last seen, the rule set it
 * serves), and the list of the instances alive: those seen within three heartbeats.
 */
@ApplicationScoped
public class Instances {

    private static final Logger LOG = Logger.getLogger(Instances.class);

    /** An instance as the database last heard of it; {@code self} is the one answering. */
    public record InstanceView(String id, String host, Instant startedAt, Instant lastSeenAt, String rulesetVersion,
            boolean self) {
    }

    private final Jdbc jdbc;
    private final ActiveRuleSet rules;
    private final ClusterConfig config;
    private final String host = hostName();
    private final String id;
    private final Instant startedAt = Instant.now();

    Instances(Jdbc jdbc, ActiveRuleSet rules, ClusterConfig config) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.config = config;
        this.id = config.instanceId().orElse(host + "-" + ProcessHandle.current().pid());
    }

    /** The name of this instance in the instance list and in the batches it claims. */
    public String id() {
        return id;
    }

    @Scheduled(every = "${tierup.cluster.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        ActiveRuleSet.Active active = rules.active();
        try {
            jdbc.update("""
                    INSERT INTO service_instance (id, host, started_at, last_seen_at, ruleset_version)
                    VALUES (?, ?, ?, now(), ?)
                    ON CONFLICT (id) DO UPDATE SET last_seen_at = now(), ruleset_version = excluded.ruleset_version,
                                                   host = excluded.host, started_at = excluded.started_at""",
                    id, host, startedAt, active == null ? "(starting)" : active.ruleSet().version());
        } catch (RuntimeException e) {
            LOG.warnf("Heartbeat not written: %s", e.getMessage());
        }
    }

    /** The instances seen within three heartbeats, oldest first. */
    public List<InstanceView> alive() {
        return jdbc.list("""
                SELECT id, host, started_at, last_seen_at, ruleset_version FROM service_instance
                WHERE last_seen_at > now() - make_interval(secs => ?) ORDER BY started_at, id""",
                row -> new InstanceView(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant(), row.getString(5), row.getString(1).equals(id)),
                3 * config.heartbeat().toMillis() / 1000.0);
    }

    /** A clean stop leaves the list at once; a killed instance drops out after three heartbeats. */
    @PreDestroy
    void leave() {
        try {
            jdbc.update("DELETE FROM service_instance WHERE id = ?", id);
        } catch (RuntimeException e) {
            LOG.debugf("Instance row not removed: %s", e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
