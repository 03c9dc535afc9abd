package com.tierupgrade.rules.engine;


import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import com.tierupgrade.decision.AppliedCutOff;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.DimensionValue;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.MeasureValue;
import com.tierupgrade.decision.RaisedWarning;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.ops.MeasuredEvaluation;
import com.tierupgrade.rules.fact.CutOff;
import com.tierupgrade.rules.fact.Event;
import com.tierupgrade.rules.fact.HeldBack;
import com.tierupgrade.rules.fact.Measure;
import com.tierupgrade.rules.fact.Previous;
import com.tierupgrade.rules.fact.Profile;
import com.tierupgrade.rules.fact.Reached;
import com.tierupgrade.rules.fact.Warning;

/**
 * Hands a customer's facts to a rule set and reads back what the rules concluded. It knows no condition of any
 * dimension: per dimension it only picks the highest value the rules reached, in the order of the rule set's ladders.
 * Every evaluation runs within a budget of time and firings ({@link EvaluationLimits}).
 */
@ApplicationScoped
public class RuleEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    private final EvaluationBudget.Limits limits;

    /** An engine with the default budget, for tools and tests that run without configuration. */
    public RuleEngine() {
        this(EvaluationBudget.DEFAULT);
    }

    @Inject
    public RuleEngine(EvaluationLimits config) {
        this(EvaluationBudget.Limits.of(config));
    }

    private RuleEngine(EvaluationBudget.Limits limits) {
        this.limits = limits;
    }

    public Decision evaluate(RuleSet ruleSet, String customerId, CustomerFacts facts, Instant asOf) {
        return evaluate(ruleSet, customerId, facts, asOf, EvaluationContext.NONE);
    }

    @MeasuredEvaluation
    public Decision evaluate(RuleSet ruleSet, String customerId, CustomerFacts facts, Instant asOf,
            EvaluationContext context) {
        KieSession session = ruleSet.kieBase().newKieSession();
        Set<String> firedRules = new LinkedHashSet<>();
        Map<String, AppliedCutOff> cutOffsUsed = new LinkedHashMap<>();
        // What the rules concluded, in the order they concluded it: session.getObjects() has no stable order.
        Map<Object, String> insertedBy = new LinkedHashMap<>();
        EvaluationBudget budget = new EvaluationBudget(limits);
        try {
            session.addEventListener(budget);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    firedRules.add(rule);
                    for (Object matched : event.getMatch().getObjects()) {
                        if (matched instanceof CutOff cutOff) {
                            cutOffsUsed.putIfAbsent(cutOff.getName(), new AppliedCutOff(cutOff.getName(),
                                    cutOff.getLabel(), cutOff.getValue(), cutOff.getPopulation(),
                                    cutOff.getComputedAt(), rule));
                        }
                    }
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
            context.previous().ifPresent(previous -> {
                previous.dimensions().forEach((dimension, value) -> insertPrevious(session, ruleSet, dimension,
                        value.code()));
                previous.roles().forEach((dimension, values) -> values.forEach(value -> insertPrevious(session,
                        ruleSet, dimension, value.code())));
            });
            context.cutOffs().forEach(session::insert);
            session.fireAllRules();
            try {
                budget.check();
            } catch (EvaluationBudgetExceeded e) {
                LOG.warnf("Evaluation of %s stopped (rule set %s): %s", customerId, ruleSet.version(), e.getMessage());
                throw e;
            }
            return decide(ruleSet, insertedBy, firedRules, List.copyOf(cutOffsUsed.values()), asOf, context);
        } finally {
            session.dispose();
        }
    }

    private static void insertPrevious(KieSession session, RuleSet ruleSet, String dimension, String code) {
        ruleSet.ladders().of(dimension).ifPresent(ladder -> session.insert(new Previous(dimension, code,
                ladder.displayName(code).orElse(code))));
    }

    private static Decision decide(RuleSet ruleSet, Map<Object, String> insertedBy, Set<String> firedRules,
            List<AppliedCutOff> cutOffs, Instant asOf, EvaluationContext context) {
        Ladders ladders = ruleSet.ladders();
        Map<String, Map<String, List<String>>> reached = new LinkedHashMap<>();
        Map<String, HeldBackTier> holds = new LinkedHashMap<>();
        Map<String, MeasureValue> measures = new LinkedHashMap<>();
        List<RaisedWarning> warnings = new ArrayList<>();
        for (Map.Entry<Object, String> inserted : insertedBy.entrySet()) {
            Object fact = inserted.getKey();
            if (fact instanceof Reached value) {
                known(ladders, value.getDimension(), value.getCode());
                reached.computeIfAbsent(value.getDimension(), d -> new LinkedHashMap<>())
                        .computeIfAbsent(value.getCode(), c -> new ArrayList<>()).add(value.getReason());
            } else if (fact instanceof HeldBack hold) {
                known(ladders, Ladders.TIER, hold.getTier());
                holds.putIfAbsent(hold.getTier() + '\u0000' + hold.getReason(),
                        new HeldBackTier(hold.getTier(), hold.getReason(), inserted.getValue()));
            } else if (fact instanceof Measure measure) {
                measures.put(measure.getName(), new MeasureValue(measure.getName(), measure.getLabel(),
                        measure.getValue(), measure.getUnit()));
            } else if (fact instanceof Warning warning) {
                warnings.add(new RaisedWarning(warning.getCode(), warning.getDimension(), warning.getReason(),
                        inserted.getValue(), ladders.of(warning.getDimension())
                                .flatMap(ladder -> ladder.warningAction(warning.getCode())).orElse(null)));
            }
        }
        Set<String> heldTiers = new LinkedHashSet<>();
        holds.values().forEach(hold -> heldTiers.add(hold.tier()));

        List<ManualDecision> manual = context.manual().stream()
                .filter(decision -> !decision.expiredAt(asOf) && ladders.of(decision.dimension())
                        .filter(ladder -> ladder.contains(decision.value())).isPresent())
                .toList();
        Optional<Decision> previous = context.previous();
        Map<String, DimensionValue> dimensions = new LinkedHashMap<>();
        Map<String, List<DimensionValue>> roles = new LinkedHashMap<>();
        Map<String, DimensionValue> withheld = new LinkedHashMap<>();
        for (Ladder ladder : ladders.all()) {
            Map<String, List<String>> values = new LinkedHashMap<>(reached.getOrDefault(ladder.dimension(), Map.of()));
            if (ladder.multiValued()) {
                // every value whose rule holds, in the order of ladders.yaml; no policy or manual decision applies
                List<DimensionValue> held = ladder.rungs().stream().filter(rung -> values.containsKey(rung.code()))
                        .map(rung -> new DimensionValue(rung.code(), values.get(rung.code()).stream().distinct()
                                .toList(), rung.action())).toList();
                if (!held.isEmpty()) {
                    roles.put(ladder.dimension(), held);
                }
                continue;
            }
            if (ladder.dimension().equals(Ladders.TIER)) {
                values.keySet().removeAll(heldTiers);
            }
            DimensionPolicy.apply(ladder, values, previous.map(p -> p.policyStateOf(ladder.dimension())).orElse(null),
                    manual.stream().filter(m -> m.dimension().equals(ladder.dimension())).toList(), asOf)
                    .map(value -> value.code() == null ? value
                            : value.withAction(ladder.action(value.code()).orElse(null)))
                    .ifPresent(value -> (value.code() == null ? withheld : dimensions).put(ladder.dimension(), value));
        }
        Ladder tiers = ladders.tier();
        Map<String, List<String>> tiersReached = reached.getOrDefault(Ladders.TIER, Map.of());
        DimensionValue tier = dimensions.get(Ladders.TIER);
        List<HeldBackTier> heldBack = holds.values().stream()
                .filter(hold -> tiersReached.containsKey(hold.tier()))
                .filter(hold -> tiers.rank(hold.tier()) > tiers.rank(tier == null ? null : tier.code()))
                .sorted(Comparator.comparingInt((HeldBackTier hold) -> tiers.rank(hold.tier())))
                .toList();

        return Decision.of(dimensions, roles, heldBack, List.copyOf(measures.values()), warnings, cutOffs,
                List.copyOf(firedRules), ruleSet.version(), asOf, withheld, manual);
    }

    private static void known(Ladders ladders, String dimension, String code) {
        Ladder ladder = ladders.of(dimension).orElseThrow(() -> new IllegalStateException("A rule names the dimension '"
                + dimension + "', which " + Ladders.FILE + " does not list"));
        if (!ladder.contains(code)) {
            throw new IllegalStateException("A rule names the " + dimension + " '" + code
                    + "', which " + Ladders.FILE + " does not list");
        }
    }
}
