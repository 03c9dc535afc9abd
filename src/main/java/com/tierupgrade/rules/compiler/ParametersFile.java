package com.tierupgrade.rules.compiler;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code parameters.yaml}: the numbers of the rules, one {@code name: value} per line, which marketers change without
 * touching rule syntax. Each becomes a DRL function of the same name, so rules call {@code reliantMinPurchases()}
 * and a misspelt name is a compile error with its file and line.
 */
final class ParametersFile {

    static final String NAME = "parameters.yaml";
    /** The DRL generated from the parameters, compiled beside the rule files. */
    static final String GENERATED = NAME + ".drl";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ParametersFile() {
    }

    /** The parameters by name (whole numbers as Long, others as BigDecimal); empty when the file cannot be read. */
    static Map<String, Number> values(String content) {
        Map<String, Number> values = new LinkedHashMap<>();
        try {
            Map<?, ?> parameters = YAML.readValue(content, Map.class);
            if (parameters != null) {
                parameters.forEach((name, value) -> {
                    if (value instanceof Integer || value instanceof Long) {
                        values.put(String.valueOf(name), ((Number) value).longValue());
                    } else if (value instanceof Number number) {
                        values.put(String.valueOf(name), number);
                    }
                });
            }
        } catch (JsonProcessingException e) {
            // toDrl reports the file's problem.
        }
        return values;
    }

    /** The functions for the parameters; throws IllegalArgumentException saying which line a marketer must fix. */
    static String toDrl(String content) {
        Map<?, ?> parameters;
        try {
            parameters = YAML.readValue(content, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        StringBuilder drl = new StringBuilder("package rules;\n");
        if (parameters == null) {
            return drl.toString();
        }
        parameters.forEach((name, value) -> {
            if (!(name instanceof String text) || !IDENTIFIER.matcher(text).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a usable name: letters, digits and _ only, "
                        + "starting with a letter");
            }
            if (value instanceof Integer || value instanceof Long) {
                drl.append("function long ").append(name).append("() { return ").append(value).append("L; }\n");
            } else if (value instanceof BigDecimal decimal) {
                drl.append("function double ").append(name).append("() { return ").append(decimal.toPlainString())
                        .append("; }\n");
            } else {
                throw new IllegalArgumentException(name + ": must be a number, not '" + value + "'");
            }
        });
        return drl.toString();
    }
}
