package com.tierupgrade.history;

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
    WARNING
}
