package com.tierupgrade.rules.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The dimensions of a rule set ({@code ladders.yaml}), in the order the file lists them. Stage and tier always exist. */
public record Ladders(Map<String, Ladder> byDimension) {

    /** The file of a rules folder that declares the dimensions. */
    public static final String FILE = "ladders.yaml";

    public static final String STAGE = "stage";
    public static final String TIER = "tier";

    public Ladders {
        byDimension = Collections.unmodifiableMap(new LinkedHashMap<>(byDimension));
    }

    public Ladder stage() {
        return byDimension.get(STAGE);
    }

    public Ladder tier() {
        return byDimension.get(TIER);
    }

    public Optional<Ladder> of(String dimension) {
        return Optional.ofNullable(byDimension.get(dimension));
    }

    public Collection<Ladder> all() {
        return byDimension.values();
    }
}
