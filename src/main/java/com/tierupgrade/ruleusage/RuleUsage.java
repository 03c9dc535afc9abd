package com.tierupgrade.ruleusage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.HeldBackTier;

/**
 * Counts, in the caller's transaction, how often each rule fired and held someone back: one upsert statement per
 * transaction into the day's counters (UTC days), its rows in a fixed order so that two transactions never wait for
 * each other in a circle.
 */
@ApplicationScoped
public class RuleUsage {

    /** Slots 0..SLOTS-1 take single evaluations by customer; slot SLOTS takes re-evaluation batches. */
    static final int SLOTS = 16;

    /** One statement per transaction, its rows in key order (so concurrent transactions lock rows in one order). */
    private static final String UPSERT = """
            INSERT INTO rule_usage (day, ruleset_version, rule_name, slot, fired, held_back)
            SELECT ?, v, r, ?, f, h FROM unnest(?::text[], ?::text[], ?::text[]::bigint[], ?::text[]::bigint[])
                AS t(v, r, f, h)
            ON CONFLICT (day, ruleset_version, rule_name, slot) DO UPDATE
            SET fired = rule_usage.fired + EXCLUDED.fired, held_back = rule_usage.held_back + EXCLUDED.held_back""";

    private final Jdbc jdbc;

    RuleUsage(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One customer's evaluation: added to the slot of the customer. */
    public void count(String customerId, Decision decision) {
        write(List.of(decision), Math.floorMod(customerId.hashCode(), SLOTS));
    }

    /** A batch of evaluations (a re-evaluation's transaction): added up first, then written once. */
    public void countBatch(List<Decision> decisions) {
        write(decisions, SLOTS);
    }

    private void write(List<Decision> decisions, int slot) {
        record Key(String version, String rule) implements Comparable<Key> {
            @Override
            public int compareTo(Key other) {
                int byVersion = version.compareTo(other.version);
                return byVersion != 0 ? byVersion : rule.compareTo(other.rule);
            }
        }
        Map<Key, long[]> counts = new TreeMap<>();
        for (Decision decision : decisions) {
            for (String rule : new HashSet<>(decision.firedRules())) {
                counts.computeIfAbsent(new Key(decision.rulesetVersion(), rule), key -> new long[2])[0]++;
            }
            Set<String> holding = new HashSet<>();
            for (HeldBackTier hold : decision.heldBack()) {
                if (hold.rule() != null) {
                    holding.add(hold.rule());
                }
            }
            for (String rule : holding) {
                counts.computeIfAbsent(new Key(decision.rulesetVersion(), rule), key -> new long[2])[1]++;
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        List<String> versions = new ArrayList<>(counts.size());
        List<String> rules = new ArrayList<>(counts.size());
        List<String> fired = new ArrayList<>(counts.size());
        List<String> heldBack = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> {
            versions.add(key.version());
            rules.add(key.rule());
            fired.add(Long.toString(count[0]));
            heldBack.add(Long.toString(count[1]));
        });
        jdbc.update(UPSERT, LocalDate.now(ZoneOffset.UTC), (short) slot, versions, rules, fired, heldBack);
    }
}
