package com.tierupgrade.customer;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tierupgrade.db.Jdbc;

/** The change history of customers' attributes. It can append and read; the database refuses updates and deletes. */
@ApplicationScoped
public class AttributeLog {

    private static final TypeReference<Object> VALUE = new TypeReference<>() {
    };
    /** Attribute values are untyped in the OpenAPI document (any JSON value, null included). */
    private static final String VALUE_DESCRIPTION = "text, a number or true/false; null when not set";

    /** One change as auditors read it; null values mean "not set". */
    public record Entry(long id, String name, @Schema(description = VALUE_DESCRIPTION) Object oldValue,
            @Schema(description = VALUE_DESCRIPTION) Object newValue, Instant changedAt) {
    }

    private final Jdbc jdbc;

    AttributeLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void append(String customerId, List<AttributeChange> changes, Instant at) {
        jdbc.batch("""
                INSERT INTO attribute_change (customer_id, name, old_value, new_value, changed_at)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?)""", changes.stream().map(change -> new Object[] { customerId,
                change.name(), jdbc.json(change.oldValue()), jdbc.json(change.newValue()), at }).toList());
    }

    /** One customer's attribute changes, oldest first, optionally of one attribute, after the entry id {@code after}. */
    List<Entry> ofCustomer(String customerId, String name, long after, int limit) {
        return jdbc.list("""
                SELECT id, name, old_value, new_value, changed_at FROM attribute_change
                WHERE customer_id = ? AND (?::text IS NULL OR name = ?) AND id > ? ORDER BY id LIMIT ?""",
                row -> new Entry(row.getLong(1), row.getString(2), jdbc.fromJson(row.getString(3), VALUE),
                        jdbc.fromJson(row.getString(4), VALUE), row.getTimestamp(5).toInstant()),
                customerId, name, name, after, limit);
    }
}
