package com.tierupgrade.decision;

/** Why a dimension's value differs from what the rules say. */
public enum KeptBy {
    /** The rules no longer give it, but the dimension's grace period has not run out. */
    GRACE,
    /** The grace period ran out; the value goes down one rung per step period. */
    STEP,
    /** The rules give a higher value, but not yet for as long as the qualification window asks. */
    QUALIFICATION,
    /** A person set a floor. */
    FLOOR,
    /** A person pinned the value. */
    PIN,
    /** A person holds back an upgrade. */
    HOLD
}
