package com.tierupgrade.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the rules concluded for one customer at one evaluation time. Stage and tier, the two dimensions every rule set
 * has, are also given flat for callers that only need them.
 *
 * @param stage the highest journey stage that holds, or null
 * @param tier the highest tier whose condition holds and that no filter holds back, or null
 * @param reasons why the stage and the tier hold: the stage reasons, then the tier reasons
 * @param dimensions the value of each single-valued dimension of ladders.yaml that has one, with its reasons
 * (stage, tier, rfm …)
 * @param roles every value held in each multi-valued dimension that has one, in the order of ladders.yaml
 * @param heldBack the tiers above the tier given whose condition holds but that a filter holds back
 * @param measures values the rules computed and show, such as R, F and M
 * @param warnings warnings the rules raised, such as a drift toward 低频低价
 * @param cutOffs the population cut-offs that a rule which fired used
 * @param firedRules the rules that fired, in firing order
 * @param withheld dimensions the rules give a value that is not in force yet (held by a person, or waiting for the
 *        qualification window), with what keeps it out; the customer has no value in them
 * @param manual the manual decisions (floor, pin, hold) in force at this evaluation
 */
public record Decision(@Schema(nullable = true) String stage, List<String> stageReasons,
        @Schema(nullable = true) String tier, List<String> tierReasons, List<String> reasons,
        Map<String, DimensionValue> dimensions, Map<String, List<DimensionValue>> roles, List<HeldBackTier> heldBack,
        List<MeasureValue> measures, List<RaisedWarning> warnings, List<AppliedCutOff> cutOffs,
        List<String> firedRules, String rulesetVersion, Instant asOf, Map<String, DimensionValue> withheld,
        List<ManualDecision> manual) {

    public static final String STAGE = "stage";
    public static final String TIER = "tier";

    public Decision {
        stageReasons = List.copyOf(stageReasons);
        tierReasons = List.copyOf(tierReasons);
        reasons = List.copyOf(reasons);
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        Map<String, List<DimensionValue>> held = new LinkedHashMap<>();
        roles.forEach((dimension, values) -> held.put(dimension, List.copyOf(values)));
        roles = Collections.unmodifiableMap(held);
        heldBack = List.copyOf(heldBack);
        measures = List.copyOf(measures);
        warnings = List.copyOf(warnings);
        cutOffs = List.copyOf(cutOffs);
        firedRules = List.copyOf(firedRules);
        withheld = withheld == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(withheld));
        manual = manual == null ? List.of() : List.copyOf(manual);
    }

    /** A decision without multi-valued dimensions. */
    public static Decision of(Map<String, DimensionValue> dimensions, List<HeldBackTier> heldBack,
            List<MeasureValue> measures, List<RaisedWarning> warnings, List<AppliedCutOff> cutOffs,
            List<String> firedRules, String rulesetVersion, Instant asOf) {
        return of(dimensions, Map.of(), heldBack, measures, warnings, cutOffs, firedRules, rulesetVersion, asOf);
    }

    public static Decision of(Map<String, DimensionValue> dimensions, Map<String, List<DimensionValue>> roles,
            List<HeldBackTier> heldBack, List<MeasureValue> measures, List<RaisedWarning> warnings,
            List<AppliedCutOff> cutOffs, List<String> firedRules, String rulesetVersion, Instant asOf) {
        return of(dimensions, roles, heldBack, measures, warnings, cutOffs, firedRules, rulesetVersion, asOf, Map.of(),
                List.of());
    }

    /** A decision without multi-valued dimensions, with what a policy or a person withholds. */
    public static Decision of(Map<String, DimensionValue> dimensions, List<HeldBackTier> heldBack,
            List<MeasureValue> measures, List<RaisedWarning> warnings, List<AppliedCutOff> cutOffs,
            List<String> firedRules, String rulesetVersion, Instant asOf, Map<String, DimensionValue> withheld,
            List<ManualDecision> manual) {
        return of(dimensions, Map.of(), heldBack, measures, warnings, cutOffs, firedRules, rulesetVersion, asOf,
                withheld, manual);
    }

    public static Decision of(Map<String, DimensionValue> dimensions, Map<String, List<DimensionValue>> roles,
            List<HeldBackTier> heldBack, List<MeasureValue> measures, List<RaisedWarning> warnings,
            List<AppliedCutOff> cutOffs, List<String> firedRules, String rulesetVersion, Instant asOf,
            Map<String, DimensionValue> withheld, List<ManualDecision> manual) {
        DimensionValue stage = dimensions.get(STAGE);
        DimensionValue tier = dimensions.get(TIER);
        List<String> stageReasons = stage == null ? List.of() : stage.reasons();
        List<String> tierReasons = tier == null ? List.of() : tier.reasons();
        List<String> reasons = new ArrayList<>(stageReasons);
        reasons.addAll(tierReasons);
        return new Decision(stage == null ? null : stage.code(), stageReasons, tier == null ? null : tier.code(),
                tierReasons, reasons, dimensions, roles, heldBack, measures, warnings, cutOffs, firedRules,
                rulesetVersion, asOf, withheld, manual);
    }

    /** The code of a dimension, or null when the customer has no value in it. */
    public String valueOf(String dimension) {
        DimensionValue value = dimensions.get(dimension);
        return value == null ? null : value.code();
    }

    /** The codes held in a multi-valued dimension, empty when none (or when the dimension is single-valued). */
    public List<String> rolesOf(String dimension) {
        return roles.getOrDefault(dimension, List.of()).stream().map(DimensionValue::code).toList();
    }

    /**
     * One text per state of a dimension: the code of a single-valued one, the held roles of a multi-valued one joined
     * with "+" (SHARER+BIG_SPENDER); null when none. For comparing and counting states, as a simulation does.
     */
    public String stateOf(String dimension) {
        List<String> held = rolesOf(dimension);
        return held.isEmpty() ? valueOf(dimension) : String.join("+", held);
    }

    public List<String> reasonsFor(String dimension) {
        DimensionValue value = dimensions.get(dimension);
        return value == null ? List.of() : value.reasons();
    }

    /** The dimension's value in force or withheld, with its policy state; null when the dimension has neither. */
    public DimensionValue policyStateOf(String dimension) {
        DimensionValue value = dimensions.get(dimension);
        return value != null ? value : withheld.get(dimension);
    }
}
