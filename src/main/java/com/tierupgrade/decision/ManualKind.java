package com.tierupgrade.decision;

/** What a person decided over the rules for one customer and one dimension. */
public enum ManualKind {
    /** At least this value (ordered dimensions only). */
    FLOOR,
    /** Exactly this value. */
    PIN,
    /** Not this value or higher, whatever the rules say (ordered dimensions only): an upgrade held by hand. */
    HOLD
}
