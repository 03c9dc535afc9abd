package com.tierupgrade.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.rules.engine.RuleSet;

/** Every rule set that was ever active, with its files and activations. Append and read only. */
@ApplicationScoped
public class StoredRuleSets {

    /** One activation of a version. */
    public record Activation(String version, Instant activatedAt, String trigger) {
    }

    /** A stored version with its files and every time it became active, latest first. */
    public record StoredVersion(String version, Map<String, String> files, Instant createdAt,
            List<Activation> activations) {
    }

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };
    private static final String ACTIVATIONS = "SELECT version, activated_at, trigger FROM ruleset_activation";

    private final Jdbc jdbc;

    StoredRuleSets(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void recordActivation(RuleSet ruleSet, String trigger) {
        jdbc.update("INSERT INTO ruleset (version, files) VALUES (?, ?::jsonb) ON CONFLICT (version) DO NOTHING",
                ruleSet.version(), jdbc.json(ruleSet.files()));
        jdbc.update("INSERT INTO ruleset_activation (version, trigger) VALUES (?, ?)", ruleSet.version(), trigger);
    }

    public Optional<String> lastActivatedVersion() {
        return jdbc.one("SELECT version FROM ruleset_activation ORDER BY id DESC LIMIT 1", row -> row.getString(1));
    }

    /** All activations, latest first. */
    public List<Activation> activations() {
        return jdbc.list(ACTIVATIONS + " ORDER BY id DESC", StoredRuleSets::activation);
    }

    public Optional<StoredVersion> find(String version) {
        return jdbc.one("SELECT files, created_at FROM ruleset WHERE version = ?",
                row -> new StoredVersion(version, jdbc.fromJson(row.getString(1), FILES),
                        row.getTimestamp(2).toInstant(),
                        jdbc.list(ACTIVATIONS + " WHERE version = ? ORDER BY id DESC", StoredRuleSets::activation,
                                version)),
                version);
    }

    private static Activation activation(ResultSet row) throws SQLException {
        return new Activation(row.getString(1), row.getTimestamp(2).toInstant(), row.getString(3));
    }
}
