package com.tierupgrade.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads {@code ladders.yaml}: for each dimension, its codes and display names from lowest to highest. */
class LaddersReader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    Ladders read(String content) {
        Map<?, ?> document;
        try {
            document = yaml.readValue(content, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        if (document == null) {
            throw new IllegalArgumentException("empty; it must list 'stage' and 'tier'");
        }
        return new Ladders(ladder(document, "stage"), ladder(document, "tier"));
    }

    private static Ladder ladder(Map<?, ?> document, String dimension) {
        if (!(document.get(dimension) instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("'" + dimension + "' must be a list of {code, name}, lowest first");
        }
        List<Ladder.Rung> rungs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map) || !(map.get("code") instanceof String code) || code.isBlank()) {
                throw new IllegalArgumentException("every '" + dimension + "' entry needs a 'code'");
            }
            if (!seen.add(code)) {
                throw new IllegalArgumentException("'" + dimension + "' lists " + code + " twice");
            }
            Object name = map.get("name");
            rungs.add(new Ladder.Rung(code, name == null ? code : name.toString()));
        }
        return new Ladder(rungs);
    }
}
