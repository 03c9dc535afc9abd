package com.tierupgrade.rules.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import com.tierupgrade.decision.AppliedCutOff;
import com.tierupgrade.rules.fact.CutOff;

/**
 * What one evaluation's rules did, as one listener: the rules that fired (in order), the facts they inserted with
 * the rule that inserted each (in order: a session's objects have no stable order), and the population cut-offs the
 * fired rules matched. Matches are only searched for cut-offs when the evaluation was given any.
 */
final class EvaluationRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final boolean watchCutOffs;
    private final Set<String> firedRules = new LinkedHashSet<>();
    private final Map<String, AppliedCutOff> cutOffsUsed = new LinkedHashMap<>();
    private final Map<Object, String> insertedBy = new LinkedHashMap<>();

    EvaluationRecorder(boolean watchCutOffs) {
        this.watchCutOffs = watchCutOffs;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        firedRules.add(rule);
        if (watchCutOffs) {
            for (Object matched : event.getMatch().getObjects()) {
                if (matched instanceof CutOff cutOff) {
                    cutOffsUsed.putIfAbsent(cutOff.getName(), new AppliedCutOff(cutOff.getName(), cutOff.getLabel(),
                            cutOff.getValue(), cutOff.getPopulation(), cutOff.getComputedAt(), rule));
                }
            }
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
            insertedBy.put(event.getObject(), event.getRule().getName());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // the rules' conclusions are inserted, never updated
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // nor deleted
    }

    Set<String> firedRules() {
        return firedRules;
    }

    List<AppliedCutOff> cutOffsUsed() {
        return List.copyOf(cutOffsUsed.values());
    }

    /** The facts the rules inserted, in the order they were inserted, with the name of the rule that inserted each. */
    Map<Object, String> insertedBy() {
        return insertedBy;
    }
}
