package com.tierupgrade.history;

/** Why an evaluation ran and changed something. */
public enum Cause {
    /** New or corrected attributes or events arrived. */
    NEW_FACTS,
    /** The same facts, evaluated at a later time: windows moved. */
    TIME,
    /** The same facts, evaluated by another rule set. */
    RULESET_CHANGE
}
