package com.tierupgrade.rules.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tierupgrade.facts.EventField;
import com.tierupgrade.facts.EventTypeDeclaration;
import com.tierupgrade.facts.EventTypes;
import com.tierupgrade.facts.FieldKind;

/**
 * Reads {@code events.yaml}: each top-level key is an event type (UPPER_SNAKE_CASE), with a {@code label} and its
 * {@code fields}; each field has a {@code kind}, optionally {@code label}, {@code required} and (one-of) {@code values}.
 */
final class EventsFile {

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final List<String> TYPE_KEYS = List.of("label", "fields");
    private static final List<String> FIELD_KEYS = List.of("kind", "label", "required", "values");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private EventsFile() {
    }

    static EventTypes read(String content) {
        Map<?, ?> document;
        try {
            document = YAML.readValue(content, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        if (document == null || document.isEmpty()) {
            throw new IllegalArgumentException("empty; it must declare the event types upstream systems send");
        }
        Map<String, EventTypeDeclaration> types = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            String type = String.valueOf(key);
            if (!TYPE_NAME.matcher(type).matches()) {
                throw new IllegalArgumentException("'" + type + "': an event type is written in capitals and _, "
                        + "such as ADD_TO_CART");
            }
            types.put(type, declaration(type, value));
        });
        return new EventTypes(types);
    }

    private static EventTypeDeclaration declaration(String type, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(type + ": must be a mapping with " + String.join(", ", TYPE_KEYS));
        }
        onlyKnown(map, type, TYPE_KEYS);
        Object label = map.get("label");
        Object fields = map.get("fields");
        if (fields != null && !(fields instanceof Map)) {
            throw new IllegalArgumentException(type + ".fields: must be a mapping of field name to {kind, label, "
                    + "required}");
        }
        Map<String, EventField> declared = new LinkedHashMap<>();
        if (fields != null) {
            ((Map<?, ?>) fields).forEach((name, field) -> {
                String fieldName = String.valueOf(name);
                if (!FIELD_NAME.matcher(fieldName).matches()) {
                    throw new IllegalArgumentException(type + "." + fieldName + ": a field name is a word in "
                            + "lowerCamelCase, such as couponUsed");
                }
                declared.put(fieldName, field(type + "." + fieldName, fieldName, field));
            });
        }
        return new EventTypeDeclaration(type, label == null ? type : label.toString(), declared);
    }

    private static EventField field(String path, String name, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(path + ": must be a mapping with kind (" + String.join(", ",
                    FieldKind.yamlNames()) + ")");
        }
        onlyKnown(map, path, FIELD_KEYS);
        Object kindName = map.get("kind");
        FieldKind kind = kindName == null ? null : FieldKind.ofYamlName(kindName.toString()).orElse(null);
        if (kind == null) {
            throw new IllegalArgumentException(path + ".kind: must be one of " + String.join(", ",
                    FieldKind.yamlNames()));
        }
        Object required = map.containsKey("required") ? map.get("required") : Boolean.FALSE;
        if (!(required instanceof Boolean)) {
            throw new IllegalArgumentException(path + ".required: must be true or false");
        }
        List<String> values = new ArrayList<>();
        Object listed = map.get("values");
        if (kind == FieldKind.ONE_OF) {
            if (!(listed instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException(path + ".values: a oneOf field lists its values, e.g. [READ, LIKE]");
            }
            list.forEach(item -> values.add(String.valueOf(item)));
        } else if (listed != null) {
            throw new IllegalArgumentException(path + ".values: only a oneOf field lists values");
        }
        Object label = map.get("label");
        return new EventField(name, label == null ? name : label.toString(), kind, (Boolean) required, values);
    }

    private static void onlyKnown(Map<?, ?> map, String path, List<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(path + "." + key + ": unknown key; the keys are "
                        + String.join(", ", known));
            }
        }
    }
}
