package com.tierupgrade.customer;

/** One attribute whose value a post changed; null for "was not set" / "was removed". */
record AttributeChange(String name, Object oldValue, Object newValue) {
}
