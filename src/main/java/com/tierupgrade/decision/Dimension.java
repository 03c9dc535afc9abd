package com.tierupgrade.decision;

/** An ordered way of layering customers whose changes are kept in the history. */
public enum Dimension {
    STAGE, TIER
}
