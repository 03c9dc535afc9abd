package com.tierupgrade.history;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.web.OpenEnums;

/** Why an evaluation ran and changed something. */
@Schema(description = "Why the evaluation ran. Open: more causes may come.",
        extensions = @Extension(name = OpenEnums.EXTENSION, value = "true"))
public enum Cause {
    /** New or corrected attributes or events arrived. */
    NEW_FACTS,
    /** The same facts, evaluated at a later time: windows moved. */
    TIME,
    /** The same facts, evaluated by another rule set. */
    RULESET_CHANGE,
    /** A person set or released a floor, pin or hold. */
    MANUAL
}
