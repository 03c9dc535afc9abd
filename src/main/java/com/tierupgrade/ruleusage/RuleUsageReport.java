package com.tierupgrade.ruleusage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.RuleSet;

/** Reads the counters: per rule of the active rule set, fired and held back over the last 7 and 30 days. */
@ApplicationScoped
public class RuleUsageReport {

    /**
     * One rule's counts, over every rule-set version that had a rule of that name (a rule keeps its name when its
     * sentence or parameter changes). The days are UTC days, today included.
     */
    public record RuleCounts(String rule, long fired7, long heldBack7, long fired30, long heldBack30) {
    }

    /** The active rule set's rules, most fired first, and those that did not fire at all in the last 30 days. */
    public record Report(@Schema(description = "the active rule-set version") String version, LocalDate since30,
            LocalDate since7, List<RuleCounts> rules, List<String> neverFired) {
    }

    private final Jdbc jdbc;
    private final ActiveRuleSet active;

    RuleUsageReport(Jdbc jdbc, ActiveRuleSet active) {
        this.jdbc = jdbc;
        this.active = active;
    }

    public Report report(LocalDate today) {
        RuleSet ruleSet = active.current();
        LocalDate since30 = today.minusDays(29);
        LocalDate since7 = today.minusDays(6);
        Map<String, long[]> counts = new HashMap<>();
        jdbc.<Map.Entry<String, long[]>>list("""
                SELECT rule_name,
                       SUM(fired) FILTER (WHERE day >= ?), SUM(held_back) FILTER (WHERE day >= ?),
                       SUM(fired), SUM(held_back)
                FROM rule_usage WHERE day >= ? AND day <= ? GROUP BY rule_name""",
                row -> Map.entry(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5)}),
                since7, since7, since30, today).forEach(count -> counts.put(count.getKey(), count.getValue()));
        List<RuleCounts> rules = new ArrayList<>();
        List<String> neverFired = new ArrayList<>();
        for (String rule : ruleNames(ruleSet)) {
            long[] count = counts.getOrDefault(rule, new long[4]);
            rules.add(new RuleCounts(rule, count[0], count[1], count[2], count[3]));
            if (count[2] == 0) {
                neverFired.add(rule);
            }
        }
        rules.sort((a, b) -> Long.compare(b.fired30(), a.fired30()));
        return new Report(ruleSet.version(), since30, since7, rules, neverFired);
    }

    /** The names of the rules in a compiled rule set, sorted. */
    static List<String> ruleNames(RuleSet ruleSet) {
        TreeSet<String> names = new TreeSet<>();
        for (KiePackage kiePackage : ruleSet.kieBase().getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                names.add(rule.getName());
            }
        }
        return List.copyOf(names);
    }
}
