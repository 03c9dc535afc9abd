package com.tierupgrade.history.query;

import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;

/**
 * Display names of dimensions and codes, from the ladders of the active rule set; a code the active ladders no longer
 * know (a value removed since) is shown as itself, and so is a dimension ladders.yaml gives no name.
 */
public final class DisplayNames {

    private final Ladders ladders;

    public DisplayNames(Ladders ladders) {
        this.ladders = ladders;
    }

    public String dimension(String dimension) {
        return ladders.of(dimension).map(Ladder::name).orElse(dimension);
    }

    /** The display name of a code of the dimension; the code itself when unknown; null for null. */
    public String value(String dimension, String code) {
        if (code == null) {
            return null;
        }
        return ladders.of(dimension).flatMap(ladder -> ladder.displayName(code)).orElse(code);
    }
}
