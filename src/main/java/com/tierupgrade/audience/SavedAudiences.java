package com.tierupgrade.audience;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierupgrade.db.Jdbc;

/**
 * Saved audiences: append and read only. A saved audience never changes (the table refuses UPDATE and DELETE), so
 * what an export selected can always be read back; a changed audience is saved as a new one.
 */
@ApplicationScoped
public class SavedAudiences {

    private static final String COLUMNS = "id, name, criteria, created_at";

    private final Jdbc jdbc;

    SavedAudiences(Jdbc jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.list(sql, row -> new AudienceView(row.getLong(1), row.getString(2), jdbc.jsonTree(row.getString(3)),
                row.getTimestamp(4).toInstant()), parameters);
    }
}
