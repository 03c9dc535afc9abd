package com.tierupgrade.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what one post of facts may carry; beyond them the post is refused with a 400 naming the field. */
@ConfigMapping(prefix = "tierup.limits")
public interface LimitsConfig {

    /** Attributes in one request. */
    @WithDefault("200")
    int attributesPerPost();

    /** Events in one request. */
    @WithDefault("1000")
    int eventsPerPost();

    /** Characters of one text value: an attribute value or an event field. */
    @WithDefault("2000")
    int textLength();

    /** Characters of an attribute name or an event field name. */
    @WithDefault("100")
    int nameLength();
}
