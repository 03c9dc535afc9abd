package com.tierupgrade.population;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.CutOffDefinition;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.rules.fact.CutOff;

/**
 * Computes the cut-offs of the active rule set's {@code cutoffs.yaml} over all stored customers, keeps every
 * computation (append-only) and hands the latest to {@link CurrentCutOffs}.
 */
@ApplicationScoped
@Transactional
public class PopulationCutOffs {

    private static final Logger LOG = Logger.getLogger(PopulationCutOffs.class);

    /** Every stored customer counts, those without such events with 0; the value is the (100 - top)th percentile. */
    private static final String PERCENTILE = """
            SELECT percentile_disc(?) WITHIN GROUP (ORDER BY COALESCE(e.v, 0)), count(*)
            FROM customer c LEFT JOIN (
                SELECT customer_id, %s AS v FROM customer_event
                WHERE type = ? AND at > ? AND at <= ? GROUP BY customer_id) e ON e.customer_id = c.id""";
    private static final String COUNT = "count(*)";
    private static final String AMOUNT = "sum(COALESCE((fields ->> 'amount')::numeric, 0))";

    /** One stored computation. */
    public record Computed(long id, String name, double value, long population, Instant computedAt) {
    }

    private final Jdbc jdbc;
    private final ActiveRuleSet rules;
    private final CurrentCutOffs current;
    private final AtomicLong lastFollowed = new AtomicLong(-1);

    PopulationCutOffs(Jdbc jdbc, ActiveRuleSet rules, CurrentCutOffs current) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.current = current;
    }

    /** Computes every cut-off of the active rule set at {@code now}, stores them and makes them current. */
    public List<CutOff> recompute(Instant now) {
        List<CutOff> computed = new ArrayList<>();
        for (CutOffDefinition definition : rules.current().cutOffs()) {
            compute(definition, now).ifPresent(computed::add);
        }
        current.replace(computed);
        LOG.infof("Population cut-offs computed: %s", computed.stream()
                .map(cutOff -> cutOff.getName() + "=" + cutOff.getValue() + " over " + cutOff.getPopulation())
                .toList());
        return computed;
    }

    /**
     * Called when a rule set becomes active: its cut-offs take their latest values stored for the same definition at
     * once; those never computed under their definition (new, or changed in cutoffs.yaml) are computed now, so the
     * re-evaluation that follows the change already sees them.
     */
    public void useFor(RuleSet ruleSet) {
        if (!loadLatest(ruleSet).isEmpty()) {
            recompute(Instant.now());
        }
    }

    /** The version of the rule set whose cut-offs are computed; empty while no rule set is active (start-up). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> activeVersion() {
        return rules.active() == null ? Optional.empty() : Optional.of(rules.current().version());
    }

    /**
     * Takes the latest stored values when another instance stored new ones since the last look: on N instances one
     * computes (a shared job) and all use the result.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void followStored() {
        if (rules.active() == null) {
            return;
        }
        long latest = jdbc.one("SELECT COALESCE(max(id), 0) FROM population_cut_off", row -> row.getLong(1))
                .orElse(0L);
        if (latest != lastFollowed.getAndSet(latest)) {
            loadLatest(rules.current());
        }
    }

    /** Makes the latest stored value of each cut-off current; answers the names without one. */
    private List<String> loadLatest(RuleSet ruleSet) {
        List<CutOff> latest = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (CutOffDefinition definition : ruleSet.cutOffs()) {
            latestFor(definition).ifPresentOrElse(
                    stored -> latest.add(new CutOff(definition.name(), definition.label(), stored.value(),
                            stored.population(), stored.computedAt())),
                    () -> missing.add(definition.name()));
        }
        current.replace(latest);
        return missing;
    }

    /** The computations of one cut-off, newest first, before the id {@code before}. */
    public List<Computed> history(String name, long before, int limit) {
        return jdbc.list("""
                SELECT id, name, value, population, computed_at FROM population_cut_off
                WHERE name = ? AND id < ? ORDER BY id DESC LIMIT ?""", row -> new Computed(row.getLong(1),
                row.getString(2), row.getDouble(3), row.getLong(4), row.getTimestamp(5).toInstant()),
                name, before, limit);
    }

    private Optional<Computed> latestFor(CutOffDefinition definition) {
        return jdbc.one("""
                SELECT id, name, value, population, computed_at FROM population_cut_off
                WHERE name = ? AND definition = ? ORDER BY id DESC LIMIT 1""", row -> new Computed(row.getLong(1),
                row.getString(2), row.getDouble(3), row.getLong(4), row.getTimestamp(5).toInstant()),
                definition.name(), key(definition));
    }

    /** What the value depends on: everything of the definition but its display name. */
    private static String key(CutOffDefinition definition) {
        return definition.eventType() + " " + definition.measure() + " " + definition.windowDays() + " days top "
                + definition.topPercent() + "%";
    }

    private Optional<CutOff> compute(CutOffDefinition definition, Instant now) {
        String sql = PERCENTILE.formatted(definition.measure() == CutOffDefinition.Measure.COUNT ? COUNT : AMOUNT);
        Percentile percentile = jdbc.one(sql, row -> new Percentile(row.getDouble(1), row.getLong(2)),
                1 - definition.topPercent() / 100, definition.eventType(),
                now.minus(Duration.ofDays(definition.windowDays())), now).orElseThrow();
        if (percentile.population() == 0) {
            return Optional.empty();
        }
        jdbc.update("""
                INSERT INTO population_cut_off (name, value, population, computed_at, definition)
                VALUES (?, ?, ?, ?, ?)""", definition.name(), percentile.value(), percentile.population(), now,
                key(definition));
        return Optional.of(new CutOff(definition.name(), definition.label(), percentile.value(),
                percentile.population(), now));
    }

    private record Percentile(double value, long population) {
    }
}
