package com.tierupgrade.history;

/** What a history entry records. */
public enum Kind {
    /** The first value a customer got. */
    INITIAL,
    UPGRADE,
    DOWNGRADE,
    /** A tier's condition holds but a filter holds the upgrade back. */
    HELD_BACK
}
