package com.tierupgrade.facts;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

final class Maps {

    private Maps() {
    }

    /** An immutable copy without the entries whose value is null: a null value means "not known". */
    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        return map.entrySet().stream().filter(entry -> Objects.nonNull(entry.getValue()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
