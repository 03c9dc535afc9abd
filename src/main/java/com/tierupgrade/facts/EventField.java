package com.tierupgrade.facts;

import java.util.List;

/**
 * One field of a declared event type: its name, a label for people, its kind, whether every event of the type must
 * carry it, and the choices of a one-of field.
 */
public record EventField(String name, String label, FieldKind kind, boolean required, List<String> values) {

    public EventField {
        values = List.copyOf(values);
    }

    public boolean accepts(Object value) {
        return kind.accepts(value, values);
    }

    /** What a value must be, for error messages ("a whole number from 1 to 5"). */
    public String expected() {
        return kind.expected(values);
    }
}
