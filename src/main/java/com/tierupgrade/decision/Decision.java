package com.tierupgrade.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules concluded for one customer at one evaluation time.
 *
 * @param stage the highest journey stage that holds, or null
 * @param stageReasons why that stage holds
 * @param tier the highest tier whose condition holds and that no filter holds back, or null
 * @param tierReasons why that tier holds
 * @param reasons why the stage and the tier hold: the stage reasons, then the tier reasons
 * @param heldBack the tiers above {@code tier} whose condition holds but that a filter holds back
 * @param firedRules the rules that fired, in firing order
 */
public record Decision(String stage, List<String> stageReasons, String tier, List<String> tierReasons,
        List<String> reasons, List<HeldBackTier> heldBack, List<String> firedRules, String rulesetVersion,
        Instant asOf) {

    public Decision {
        stageReasons = List.copyOf(stageReasons);
        tierReasons = List.copyOf(tierReasons);
        reasons = List.copyOf(reasons);
        heldBack = List.copyOf(heldBack);
        firedRules = List.copyOf(firedRules);
    }

    public static Decision of(String stage, List<String> stageReasons, String tier, List<String> tierReasons,
            List<HeldBackTier> heldBack, List<String> firedRules, String rulesetVersion, Instant asOf) {
        List<String> reasons = new ArrayList<>(stageReasons);
        reasons.addAll(tierReasons);
        return new Decision(stage, stageReasons, tier, tierReasons, reasons, heldBack, firedRules, rulesetVersion,
                asOf);
    }

    public String valueOf(Dimension dimension) {
        return switch (dimension) {
            case STAGE -> stage;
            case TIER -> tier;
        };
    }

    public List<String> reasonsFor(Dimension dimension) {
        return switch (dimension) {
            case STAGE -> stageReasons;
            case TIER -> tierReasons;
        };
    }
}
