package com.tierupgrade.rules.engine;

/**
 * How an ordered dimension moves besides what the rules say, from the {@code policy} block of ladders.yaml (its
 * numbers live in parameters.yaml). Zero turns each part off.
 *
 * @param graceDays a value, once reached, is kept this many days after the rules stop giving it
 * @param stepDownEveryDays after the grace period the value goes down one rung at a time, one rung per this many days
 *        (0: straight to what the rules say)
 * @param qualificationDays the rules must give a higher value this many days before the upgrade is granted
 */
public record Policy(int graceDays, int stepDownEveryDays, int qualificationDays) {

    public static final Policy NONE = new Policy(0, 0, 0);

    public Policy {
        if (graceDays < 0 || stepDownEveryDays < 0 || qualificationDays < 0) {
            throw new IllegalArgumentException("policy days cannot be negative");
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
