package com.tierupgrade.customer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The change history of customers' attributes. It can append and read; the database refuses updates and deletes. */
@ApplicationScoped
public class AttributeLog {

    /** One change as auditors read it; null values mean "not set". */
    public record Entry(long id, String name, Object oldValue, Object newValue, Instant changedAt) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AttributeLog(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    void append(String customerId, List<AttributeChange> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO attribute_change (customer_id, name, old_value, new_value, changed_at)
                    VALUES (?, ?, ?::jsonb, ?::jsonb, ?)""")) {
                for (AttributeChange change : changes) {
                    insert.setString(1, customerId);
                    insert.setString(2, change.name());
                    insert.setString(3, write(change.oldValue()));
                    insert.setString(4, write(change.newValue()));
                    insert.setObject(5, java.sql.Timestamp.from(at));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** One customer's attribute changes, oldest first, optionally of one attribute, after the entry id {@code after}. */
    List<Entry> ofCustomer(String customerId, String name, long after, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, name, old_value, new_value, changed_at FROM attribute_change
                    WHERE customer_id = ? AND (?::text IS NULL OR name = ?) AND id > ? ORDER BY id LIMIT ?""")) {
                select.setString(1, customerId);
                select.setString(2, name);
                select.setString(3, name);
                select.setLong(4, after);
                select.setInt(5, limit);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Entry(rows.getLong(1), rows.getString(2), read(rows.getString(3)),
                                read(rows.getString(4)), rows.getTimestamp(5).toInstant()));
                    }
                }
                return entries;
            }
        });
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(String value) {
        try {
            return value == null ? null : json.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
