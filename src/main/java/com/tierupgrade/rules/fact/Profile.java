package com.tierupgrade.rules.fact;

import java.util.Map;

/** The customer's attributes as the rules see them: the latest value of each. */
public class Profile {

    private final String customerId;
    private final Map<String, Object> attributes;

    public Profile(String customerId, Map<String, Object> attributes) {
        this.customerId = customerId;
        this.attributes = Map.copyOf(attributes);
    }

    public String getCustomerId() {
        return customerId;
    }

    /** True only when the attribute is the boolean {@code true}; missing or any other value is false. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(attributes.get(name));
    }

    /** The attribute as text, or null when it is missing. */
    public String text(String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }
}
