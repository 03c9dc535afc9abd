package com.tierupgrade.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way to SQL that entities do not cover: bulk writes, set-based queries and streamed reads. Inside a
 * transaction every call runs on that transaction's connection (the pool hands the same one to the entities), so SQL
 * and entities see and lock the same rows. JSON columns are written and read here and nowhere else.
 */
@ApplicationScoped
public class Jdbc {

    /** Work on an open connection; it may write what it reads to a stream. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /** One row of a result, mapped to a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final ObjectMapper json;

    Jdbc(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Runs {@code work} on the current transaction's connection, or on a pooled one for this call alone. */
    public <T> T work(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} in a read-only snapshot on a connection of its own, after the {@code SET LOCAL} settings given,
     * and rolls back: the way to stream a large result through a cursor (the driver fetches by the statement's fetch
     * size only outside auto-commit).
     */
    public <T> T readOnly(List<String> settings, Work<T> work) {
        return work(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                try (Statement statement = connection.createStatement()) {
                    for (String setting : settings) {
                        statement.execute(setting);
                    }
                }
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** The rows of a query, each mapped by {@code row}. */
    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                List<T> values = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(row.map(rows));
                    }
                }
                return values;
            }
        });
    }

    /** The first row of a query, if there is one. */
    public <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
        return list(sql, row, parameters).stream().findFirst();
    }

    /** Runs an INSERT, UPDATE or DDL statement; answers the rows it changed. */
    public int update(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs one statement for each list of parameters, in one JDBC batch; answers the rows changed in all. */
    public int batch(String sql, List<Object[]> parameterLists) {
        if (parameterLists.isEmpty()) {
            return 0;
        }
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] parameters : parameterLists) {
                    bind(connection, statement, parameters);
                    statement.addBatch();
                }
                int changed = 0;
                for (int count : statement.executeBatch()) {
                    changed += Math.max(count, 0);
                }
                return changed;
            }
        });
    }

    /**
     * Sets the parameters of a statement in order: an {@link Instant} as a timestamp, a collection of strings as a
     * {@code text[]}, anything else as JDBC maps it.
     */
    public static void bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (parameter instanceof Collection<?> values) {
                statement.setArray(i + 1, connection.createArrayOf("text", values.toArray()));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
    }

    /** The text of a JSON column ({@code ?::jsonb}); null stays null. */
    public String json(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON column read back as {@code type}; null stays null. */
    public <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column holds what it should not: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON column read back as a tree; null stays null. */
    public JsonNode jsonTree(String text) {
        return fromJson(text, new TypeReference<JsonNode>() {
        });
    }
}
