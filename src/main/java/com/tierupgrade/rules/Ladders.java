package com.tierupgrade.rules;

import com.tierupgrade.decision.Dimension;

/** The stage and tier ladders of a rule set ({@code ladders.yaml}). */
public record Ladders(Ladder stage, Ladder tier) {

    public Ladder of(Dimension dimension) {
        return switch (dimension) {
            case STAGE -> stage;
            case TIER -> tier;
        };
    }
}
