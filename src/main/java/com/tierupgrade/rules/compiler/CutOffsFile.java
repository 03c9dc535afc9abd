package com.tierupgrade.rules.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tierupgrade.facts.EventTypes;
import com.tierupgrade.rules.engine.CutOffDefinition;

/** Reads {@code cutoffs.yaml}: each key is a cut-off rules can use, with what it measures and the top share. */
final class CutOffsFile {

    static final String NAME = "cutoffs.yaml";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
    private static final List<String> FIELDS = List.of("label", "event", "measure", "windowDays", "topPercent");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CutOffsFile() {
    }

    static List<CutOffDefinition> read(String content, EventTypes types) {
        Map<?, ?> document;
        try {
            document = YAML.readValue(content, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        List<CutOffDefinition> definitions = new ArrayList<>();
        if (document == null) {
            return definitions;
        }
        document.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a usable name: letters, digits and _ only");
            }
            if (!(value instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException(name + ": must be a mapping with " + String.join(", ", FIELDS));
            }
            for (Object field : fields.keySet()) {
                if (!FIELDS.contains(String.valueOf(field))) {
                    throw new IllegalArgumentException(name + "." + field + ": unknown field; the fields are "
                            + String.join(", ", FIELDS));
                }
            }
            definitions.add(new CutOffDefinition(name, text(fields, name, "label"), eventType(fields, name, types),
                    measure(fields, name), (int) number(fields, name, "windowDays", 1, 3650),
                    number(fields, name, "topPercent", 0.01, 100)));
        });
        return definitions;
    }

    private static String text(Map<?, ?> fields, String name, String field) {
        Object value = fields.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(name + "." + field + ": is required");
        }
        return value.toString();
    }

    private static String eventType(Map<?, ?> fields, String name, EventTypes types) {
        String type = text(fields, name, "event");
        if (!types.contains(type)) {
            throw new IllegalArgumentException(name + ".event: '" + type + "' is not an event type of "
                    + EventTypes.FILE + "; the types are " + types.names());
        }
        return type;
    }

    private static CutOffDefinition.Measure measure(Map<?, ?> fields, String name) {
        String measure = text(fields, name, "measure");
        try {
            return CutOffDefinition.Measure.valueOf(measure.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ".measure: must be count (how many events) or amount "
                    + "(the sum of their amounts)");
        }
    }

    private static double number(Map<?, ?> fields, String name, String field, double min, double max) {
        if (!(fields.get(field) instanceof Number number) || number.doubleValue() < min
                || number.doubleValue() > max) {
            throw new IllegalArgumentException(name + "." + field + ": must be a number from " + min + " to " + max);
        }
        return number.doubleValue();
    }
}
