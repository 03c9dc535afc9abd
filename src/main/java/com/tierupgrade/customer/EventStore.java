package com.tierupgrade.customer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.facts.FactEvent;

/** Every event of every customer. A resent event id replaces the stored event instead of adding one. */
@ApplicationScoped
public class EventStore {

    private static final String UPSERT = """
            INSERT INTO customer_event (customer_id, event_id, type, at, fields) VALUES (?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (customer_id, event_id) DO UPDATE
                SET type = EXCLUDED.type, at = EXCLUDED.at, fields = EXCLUDED.fields, received_at = now()
                WHERE (customer_event.type, customer_event.at, customer_event.fields)
                      IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.at, EXCLUDED.fields)""";
    private static final String OF_CUSTOMERS = """
            SELECT customer_id, event_id, type, at, fields FROM customer_event WHERE customer_id = ANY (?)
            ORDER BY customer_id, at, event_id""";
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    EventStore(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Stores new events and corrections in one batch; answers how many were new or different. */
    int save(String customerId, List<FactEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (FactEvent event : events) {
                    upsert.setString(1, customerId);
                    upsert.setString(2, event.id());
                    upsert.setString(3, event.type());
                    upsert.setTimestamp(4, Timestamp.from(event.at()));
                    upsert.setString(5, write(event.fields()));
                    upsert.addBatch();
                }
                int changed = 0;
                for (int count : upsert.executeBatch()) {
                    changed += Math.max(count, 0);
                }
                return changed;
            }
        });
    }

    List<FactEvent> ofCustomer(String customerId) {
        return ofCustomers(List.of(customerId)).getOrDefault(customerId, List.of());
    }

    /** The events of several customers in one query, by customer id. */
    Map<String, List<FactEvent>> ofCustomers(List<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(OF_CUSTOMERS)) {
                select.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
                Map<String, List<FactEvent>> events = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new FactEvent(
                                rows.getString(2), rows.getString(3), rows.getTimestamp(4).toInstant(),
                                read(rows.getString(5))));
                    }
                }
                return events;
            }
        });
    }

    private String write(Map<String, Object> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String fields) {
        try {
            return json.readValue(fields, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
