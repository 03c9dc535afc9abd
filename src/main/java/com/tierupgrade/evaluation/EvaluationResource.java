package com.tierupgrade.evaluation;

import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactLimits;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.LimitsConfig;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.population.CurrentCutOffs;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.EvaluationContext;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;

/** A dry run: the decision the active rules would make on the facts sent. Nothing is stored. */
@Tag(name = "Facts and customers")
@Path("/evaluations")
public class EvaluationResource {

    private final ActiveRuleSet rules;
    private final RuleEngine engine;
    private final CurrentCutOffs cutOffs;
    private final FactLimits limits;

    EvaluationResource(ActiveRuleSet rules, RuleEngine engine, CurrentCutOffs cutOffs, LimitsConfig limits) {
        this.rules = rules;
        this.engine = engine;
        this.cutOffs = cutOffs;
        this.limits = FactLimits.of(limits);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Decision evaluate(FactsRequest request) {
        Instant now = Instant.now();
        RuleSet ruleSet = rules.current();
        ValidFacts valid = FactsValidator.validate(request, now, limits, ruleSet.events());
        CustomerFacts facts = new CustomerFacts(valid.attributes(), valid.events());
        return engine.evaluate(ruleSet, null, facts, valid.asOfOr(now),
                new EvaluationContext(Optional.empty(), cutOffs.current()));
    }
}
