package com.tierupgrade.audience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small hand-made population written straight into the tables. Every customer gets the attribute
 * {@code testRun} of this population, so a criterion on it keeps counts exact in a database other tests share.
 */
final class Population {

    /** Windows are counted back from here. */
    static final Instant AS_OF = Instant.parse("2026-03-01T12:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    final String run = UUID.randomUUID().toString();
    private final String prefix = "aud-" + run.substring(0, 8) + "-";
    private final DataSource dataSource;

    Population(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The criterion that keeps an audience to this population, as JSON. */
    String own() {
        return "{\"attribute\": \"testRun\", \"equals\": \"" + run + "\"}";
    }

    String id(String name) {
        return prefix + name;
    }

    Customer customer(String name) {
        return new Customer(id(name));
    }

    /** A customer whose id is exactly {@code id}, e.g. one a spreadsheet would read as a formula. */
    Customer customerWithId(String id) {
        return new Customer(id);
    }

    final class Customer {
        private final String id;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final Map<String, Object> dimensions = new LinkedHashMap<>();
        private final List<Object[]> events = new ArrayList<>();

        private Customer(String id) {
            this.id = id;
            attributes.put("testRun", run);
        }

        Customer attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        Customer dimension(String name, String code) {
            dimensions.put(name, code);
            return this;
        }

        /** The codes held in a multi-valued dimension, stored as an array as the service stores them. */
        Customer roles(String name, String... codes) {
            dimensions.put(name, List.of(codes));
            return this;
        }

        /** An event {@code daysAgo} days before AS_OF (negative: after it). */
        Customer event(String type, double daysAgo, Map<String, Object> fields) {
            long seconds = Math.round(daysAgo * Duration.ofDays(1).toSeconds());
            events.add(new Object[] { "e" + events.size(), type, AS_OF.minusSeconds(seconds), fields });
            return this;
        }

        Customer event(String type, double daysAgo) {
            return event(type, daysAgo, Map.of());
        }

        Customer visits(int count, double daysAgo) {
            for (int i = 0; i < count; i++) {
                event("VISIT", daysAgo + i);
            }
            return this;
        }

        Customer purchase(double daysAgo, int amount, String brand) {
            return event("PURCHASE", daysAgo, Map.of("amount", amount, "brand", brand, "couponUsed", false));
        }

        String save() {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO customer (id, attributes, dimensions) VALUES (?, ?::jsonb, ?::jsonb)")) {
                    insert.setString(1, id);
                    insert.setString(2, JSON.writeValueAsString(attributes));
                    insert.setString(3, JSON.writeValueAsString(dimensions));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO customer_event (customer_id, event_id, type, at, fields) VALUES (?, ?, ?, ?, ?::jsonb)")) {
                    for (Object[] event : events) {
                        insert.setString(1, id);
                        insert.setString(2, (String) event[0]);
                        insert.setString(3, (String) event[1]);
                        insert.setTimestamp(4, Timestamp.from((Instant) event[2]));
                        insert.setString(5, JSON.writeValueAsString(event[3]));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return id;
        }
    }
}
