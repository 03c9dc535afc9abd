package com.tierupgrade.audience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Saved audiences: append and read only. A saved audience never changes (the table refuses UPDATE and DELETE), so
 * what an export selected can always be read back; a changed audience is saved as a new one.
 */
@ApplicationScoped
public class SavedAudiences {

    private static final String COLUMNS = "id, name, criteria, created_at";

    private final DataSource dataSource;
    private final ObjectMapper json;

    SavedAudiences(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A valid audience to save: its name and its criteria as the marketer wrote them. */
    record NewAudience(String name, JsonNode criteria) {
    }

    AudienceView save(NewAudience audience) {
        return one("INSERT INTO audience (name, criteria) VALUES (?, ?::jsonb) RETURNING " + COLUMNS,
                audience.name(), audience.criteria().toString()).orElseThrow();
    }

    Optional<AudienceView> find(long id) {
        return one("SELECT " + COLUMNS + " FROM audience WHERE id = ?", id);
    }

    /** Oldest first, {@code limit} after the id {@code after}. */
    List<AudienceView> list(long after, int limit) {
        return query("SELECT " + COLUMNS + " FROM audience WHERE id > ? ORDER BY id LIMIT ?", after, limit);
    }

    private Optional<AudienceView> one(String sql, Object... parameters) {
        return query(sql, parameters).stream().findFirst();
    }

    private List<AudienceView> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<AudienceView> audiences = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    audiences.add(new AudienceView(rows.getLong(1), rows.getString(2), json.readTree(rows.getString(3)),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return audiences;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
