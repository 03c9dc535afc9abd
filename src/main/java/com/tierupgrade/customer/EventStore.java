package com.tierupgrade.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.facts.FactEvent;

/** Every event of every customer. A resent event id replaces the stored event instead of adding one. */
@ApplicationScoped
public class EventStore {

    /**
     * New events and corrections, each also appended to the chained customer_event_log in the same statement: the
     * only way a stored event changes (GET /history/verify names a row of customer_event the log does not match).
     */
    private static final String UPSERT = """
            WITH stored AS (
                INSERT INTO customer_event (customer_id, event_id, type, at, fields) VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (customer_id, event_id) DO UPDATE
                    SET type = EXCLUDED.type, at = EXCLUDED.at, fields = EXCLUDED.fields, received_at = now()
                    WHERE (customer_event.type, customer_event.at, customer_event.fields)
                          IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.at, EXCLUDED.fields)
                RETURNING customer_id, event_id, type, at, fields, received_at)
            INSERT INTO customer_event_log (customer_id, event_id, type, at, fields, received_at)
            SELECT customer_id, event_id, type, at, fields, received_at FROM stored""";
    private static final String OF_CUSTOMERS = """
            SELECT customer_id, event_id, type, at, fields FROM customer_event WHERE customer_id = ANY (?)
            ORDER BY customer_id, at, event_id""";
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final Jdbc jdbc;

    EventStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores new events and corrections in one batch; answers how many were new or different. */
    int save(String customerId, List<FactEvent> events) {
        return jdbc.batch(UPSERT, events.stream().map(event -> new Object[] { customerId, event.id(), event.type(),
                event.at(), jdbc.json(event.fields()) }).toList());
    }

    List<FactEvent> ofCustomer(String customerId) {
        return ofCustomers(List.of(customerId)).getOrDefault(customerId, List.of());
    }

    /** The events of several customers in one query, by customer id. */
    Map<String, List<FactEvent>> ofCustomers(List<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<FactEvent>> events = new HashMap<>();
        jdbc.list(OF_CUSTOMERS, row -> Map.entry(row.getString(1), new FactEvent(row.getString(2), row.getString(3),
                row.getTimestamp(4).toInstant(), jdbc.fromJson(row.getString(5), FIELDS))), customerIds)
                .forEach(stored -> events.computeIfAbsent(stored.getKey(), id -> new ArrayList<>())
                        .add(stored.getValue()));
        return events;
    }
}
