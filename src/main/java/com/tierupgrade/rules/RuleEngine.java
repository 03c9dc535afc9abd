package com.tierupgrade.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.ops.MeasuredEvaluation;
import com.tierupgrade.rules.fact.Event;
import com.tierupgrade.rules.fact.HeldBack;
import com.tierupgrade.rules.fact.Profile;
import com.tierupgrade.rules.fact.StageReached;
import com.tierupgrade.rules.fact.TierReached;

/**
 * Hands a customer's facts to a rule set and reads back what the rules concluded. It knows no stage or tier
 * condition: it only picks the highest value the rules reached, using the order of the rule set's ladders.
 */
@ApplicationScoped
public class RuleEngine {

    @MeasuredEvaluation
    public Decision evaluate(RuleSet ruleSet, String customerId, CustomerFacts facts, Instant asOf) {
        KieSession session = ruleSet.kieBase().newKieSession();
        Set<String> firedRules = new LinkedHashSet<>();
        // What the rules concluded, in the order they concluded it: session.getObjects() has no stable order.
        Map<Object, String> insertedBy = new LinkedHashMap<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firedRules.add(event.getMatch().getRule().getName());
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        insertedBy.put(event.getObject(), event.getRule().getName());
                    }
                }
            });
            session.insert(new Profile(customerId, facts.attributes()));
            for (FactEvent event : facts.events()) {
                if (!event.at().isAfter(asOf)) {
                    session.insert(new Event(event.id(), event.type(), event.at(), asOf, event.fields()));
                }
            }
            session.fireAllRules();
            return decide(ruleSet, insertedBy, firedRules, asOf);
        } finally {
            session.dispose();
        }
    }

    private static Decision decide(RuleSet ruleSet, Map<Object, String> insertedBy, Set<String> firedRules,
            Instant asOf) {
        Ladders ladders = ruleSet.ladders();
        Map<String, List<String>> stages = new LinkedHashMap<>();
        Map<String, List<String>> tiers = new LinkedHashMap<>();
        Map<String, HeldBackTier> holds = new LinkedHashMap<>();
        for (Object fact : insertedBy.keySet()) {
            if (fact instanceof StageReached reached) {
                stages.computeIfAbsent(known(ladders.stage(), "stage", reached.getCode()), c -> new ArrayList<>())
                        .add(reached.getReason());
            } else if (fact instanceof TierReached reached) {
                tiers.computeIfAbsent(known(ladders.tier(), "tier", reached.getCode()), c -> new ArrayList<>())
                        .add(reached.getReason());
            } else if (fact instanceof HeldBack hold) {
                known(ladders.tier(), "tier", hold.getTier());
                holds.putIfAbsent(hold.getTier() + '\u0000' + hold.getReason(),
                        new HeldBackTier(hold.getTier(), hold.getReason(), insertedBy.get(hold)));
            }
        }
        Set<String> heldTiers = new LinkedHashSet<>();
        holds.values().forEach(hold -> heldTiers.add(hold.tier()));

        String stage = highest(ladders.stage(), stages.keySet());
        String tier = highest(ladders.tier(),
                tiers.keySet().stream().filter(code -> !heldTiers.contains(code)).toList());
        List<HeldBackTier> heldBack = holds.values().stream()
                .filter(hold -> tiers.containsKey(hold.tier()))
                .filter(hold -> ladders.tier().rank(hold.tier()) > ladders.tier().rank(tier))
                .sorted(Comparator.comparingInt((HeldBackTier hold) -> ladders.tier().rank(hold.tier())))
                .toList();

        return Decision.of(stage, reasonsOf(stages, stage), tier, reasonsOf(tiers, tier), heldBack,
                List.copyOf(firedRules), ruleSet.version(), asOf);
    }

    private static List<String> reasonsOf(Map<String, List<String>> reached, String code) {
        return code == null ? List.of() : reached.get(code).stream().distinct().toList();
    }

    private static String highest(Ladder ladder, Iterable<String> codes) {
        String best = null;
        for (String code : codes) {
            if (ladder.rank(code) > ladder.rank(best)) {
                best = code;
            }
        }
        return best;
    }

    private static String known(Ladder ladder, String dimension, String code) {
        if (!ladder.contains(code)) {
            throw new IllegalStateException("A rule names the " + dimension + " '" + code
                    + "', which " + RuleSetCompiler.LADDERS_FILE + " does not list");
        }
        return code;
    }
}
