package com.tierupgrade.history.query;

import java.util.Map;

import com.tierupgrade.rules.Ladder;
import com.tierupgrade.rules.Ladders;

/**
 * Display names of dimensions and codes, from the ladders of the active rule set; a code the active ladders no longer
 * know (a value removed since) is shown as itself. Stage and tier are listed in ladders.yaml without a name, so they
 * get their Chinese names here.
 */
public final class DisplayNames {

    private static final Map<String, String> BUILT_IN = Map.of(Ladders.STAGE, "阶段", Ladders.TIER, "层级");

    private final Ladders ladders;

    public DisplayNames(Ladders ladders) {
        this.ladders = ladders;
    }

    public String dimension(String dimension) {
        return ladders.of(dimension).map(Ladder::name).filter(name -> !name.equals(dimension))
                .orElse(BUILT_IN.getOrDefault(dimension, dimension));
    }

    /** The display name of a code of the dimension; the code itself when unknown; null for null. */
    public String value(String dimension, String code) {
        if (code == null) {
            return null;
        }
        return ladders.of(dimension).flatMap(ladder -> ladder.displayName(code)).orElse(code);
    }
}
