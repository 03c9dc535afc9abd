package com.tierupgrade.history;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.web.OpenEnums;

/** What a history entry records. */
@Schema(description = "What a history entry records. Open: more kinds may come; keep an entry whose kind you do "
        + "not know.",
        extensions = @Extension(name = OpenEnums.EXTENSION, value = "true"))
public enum Kind {
    /** A value given at the customer's first evaluation. A dimension that gets its first value later upgrades or changes. */
    INITIAL,
    /** A higher value of an ordered dimension. */
    UPGRADE,
    /** A lower value of an ordered dimension, or no value any more. */
    DOWNGRADE,
    /** Another value of an unordered dimension (RFM segment, lifecycle …), or no value any more. */
    CHANGE,
    /** A value of a multi-valued dimension (a role) the customer now holds beside the others. */
    GAINED,
    /** A value of a multi-valued dimension (a role) whose condition no longer holds. */
    LOST,
    /** A tier's condition holds but a filter holds the upgrade back. */
    HELD_BACK,
    /** A rule raised a warning, such as a drift toward 低频低价. */
    WARNING,
    /** A person set a floor or pinned a value, with a reason and an expiry (the entry's {@code manual}: FLOOR, PIN). */
    OVERRIDE,
    /** A person held back an upgrade to a value, with a reason. */
    HOLD,
    /** A floor, pin or hold ended: released by a person (the author), or expired (no author). */
    RELEASE;

    /** {@code GET /history?kind=MANUAL}: every entry a person's decision made. */
    public static final String MANUAL = "MANUAL";
    public static final List<Kind> MANUAL_KINDS = List.of(OVERRIDE, HOLD, RELEASE);
}
